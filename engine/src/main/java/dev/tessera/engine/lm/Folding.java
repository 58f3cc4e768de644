package dev.tessera.engine.lm;

import dev.tessera.engine.vocab.SpecialToken;
import dev.tessera.engine.vocab.TokenKind;
import dev.tessera.engine.vocab.VocabularyLayout;

import java.util.Arrays;

/**
 * Which ids of a flat sequence share one position of a stacked model ({@link ImageStacking}).
 * Sequences keep their flat ids, a residual image as D consecutive ids per grid position (level 0
 * first); folding reads them as positions:
 * <ul>
 *   <li>inside a {@code <boi>..<eoi>} span, the D ids of levels 0..D-1 of a grid position are one
 *       position (its input is the sum of their embeddings, its levels are predicted by the depth
 *       transformer);</li>
 *   <li>every other id is a position of its own: text, control tokens, and image ids outside a
 *       span, which is how the decompression task writes a stacked image out code by code.</li>
 * </ul>
 * Pure arithmetic over ids; no tensor.
 *
 * @param ids      the flat ids
 * @param start    flat index of each position's first id
 * @param width    ids in each position: 1, or D for a stacked image position
 * @param position for every flat index, the position it belongs to
 */
public record Folding(int[] ids, int[] start, int[] width, int[] position) {

    /** Folds {@code ids}; a broken image span (a level out of order, a position cut short) is refused. */
    public static Folding of(int[] ids, VocabularyLayout layout) {
        int depth = layout.imageLevels();
        int boi = layout.id(SpecialToken.BOI);
        int eoi = layout.id(SpecialToken.EOI);
        int[] start = new int[ids.length];
        int[] width = new int[ids.length];
        int[] position = new int[ids.length];
        int n = 0;
        boolean inSpan = false;
        int i = 0;
        while (i < ids.length) {
            int w = 1;
            if (inSpan && layout.kind(ids[i]) == TokenKind.IMAGE) {
                w = depth;
                for (int l = 0; l < depth; l++) {
                    if (i + l >= ids.length || layout.kind(ids[i + l]) != TokenKind.IMAGE
                            || layout.imageLevel(ids[i + l]) != l) {
                        throw new IllegalArgumentException("the image span at id " + i + " does not hold levels 0.."
                                + (depth - 1) + " of each grid position in order (flat index " + (i + l) + ")");
                    }
                }
            } else if (ids[i] == boi) {
                inSpan = true;
            } else if (ids[i] == eoi) {
                inSpan = false;
            }
            start[n] = i;
            width[n] = w;
            Arrays.fill(position, i, i + w, n);
            n++;
            i += w;
        }
        return new Folding(ids, Arrays.copyOf(start, n), Arrays.copyOf(width, n), position);
    }

    /** Positions: what the model's context counts. */
    public int positions() {
        return start.length;
    }

    /** True when position {@code p} is a stacked image position. */
    public boolean stacked(int p) {
        return width[p] > 1;
    }

    /** The level of flat index {@code i} within its position (0 for a one-id position). */
    public int level(int i) {
        return i - start[position[i]];
    }

    /** The ids of position {@code p}. */
    public int[] idsAt(int p) {
        return Arrays.copyOfRange(ids, start[p], start[p] + width[p]);
    }

    /** Positions {@code ids} folds into, without keeping the folding. */
    public static int positions(int[] ids, VocabularyLayout layout) {
        return of(ids, layout).positions();
    }
}
