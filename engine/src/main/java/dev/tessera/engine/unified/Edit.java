package dev.tessera.engine.unified;

import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.lm.SamplingConfig;
import dev.tessera.engine.tokenize.TokenGrid;
import dev.tessera.engine.vocab.MixedSequence;

/**
 * One image the model edited: the picture before (as the model read it), the instruction, the
 * picture it wrote, both grids, the full sequence, the sampling used and the wall time.
 *
 * @param before      the input, fitted to the model's image size
 * @param instruction the instruction as the model read it (trimmed, lower case)
 * @param after       the decoded edited image
 * @param beforeGrid  the input's ids
 * @param afterGrid   the ids the model wrote
 * @param sequence    {@code <edit>instruction<boi>before<eoi><boi>after<eoi>}
 * @param sampling    how the ids were drawn
 * @param millis      wall time of this edit's share of the batch
 */
public record Edit(RgbImage before, String instruction, RgbImage after, TokenGrid beforeGrid, TokenGrid afterGrid,
                   MixedSequence sequence, SamplingConfig sampling, double millis) {

    /**
     * Grid positions whose ids the edit changed (any level): how much of the picture the model
     * rewrote; a recolour or removal of one small shape should change few.
     */
    public int changedPositions() {
        return changedPositions(beforeGrid, afterGrid);
    }

    /** Grid positions whose ids differ between {@code a} and {@code b} (grids of one shape). */
    public static int changedPositions(TokenGrid a, TokenGrid b) {
        if (a.size() != b.size() || a.depth() != b.depth()) {
            throw new IllegalArgumentException("grids of different shapes: " + a.rows() + "x" + a.cols() + "x" + a.depth()
                    + " and " + b.rows() + "x" + b.cols() + "x" + b.depth());
        }
        int changed = 0;
        int depth = a.depth();
        for (int p = 0; p < a.size(); p++) {
            for (int l = 0; l < depth; l++) {
                if (a.ids()[p * depth + l] != b.ids()[p * depth + l]) {
                    changed++;
                    break;
                }
            }
        }
        return changed;
    }
}
