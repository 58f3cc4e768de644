package dev.tessera.engine.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import dev.tessera.engine.vocab.SpecialToken;
import dev.tessera.engine.vocab.VocabularyLayout;

import java.util.ArrayList;
import java.util.List;

import static dev.tessera.engine.nn.Tensors.scalar;

/**
 * The teacher-forced NLL of a stacked model ({@link ImageStacking}) for every target of a FLAT
 * batch (inputs {@code ids[0..n-2]}, targets {@code ids[1..n-1]}, row-major (B, T)), laid out
 * exactly as a flat model's {@code tokenNll} would be: so the loss masks, the loss weighting and the
 * text and image NLLs of a flat batch apply unchanged, and an image's NLL is a mean per id (over its
 * levels), comparable with a flat model's. Each row is folded ({@link Folding}); a target id that
 * is its own position is scored by the spatial logits of the position before it; the level-{@code l}
 * id of a stacked position by the {@link DepthDecoder} from the hidden state of the position before
 * it, given the position's true levels {@code < l}.
 */
public final class StackedLoss {

    private StackedLoss() {
    }

    /** NLL (B, T) of each target of the flat batch {@code inputs}/{@code targets} (B x T, row-major). */
    public static NDArray targetNll(UnifiedTransformer model, NDManager m, int batch, int length, long[] inputs,
                                    long[] targets) {
        VocabularyLayout layout = model.layout();
        int depth = layout.imageLevels();
        int pad = layout.id(SpecialToken.PAD);
        List<Folding> rows = rows(layout, batch, length, inputs, targets);
        int[] upTo = rows.stream().mapToInt(f -> f.positions() - 1).toArray();
        FoldedBatch in = FoldedBatch.of(rows, depth, pad, false, upTo);
        int n = in.positions();
        StackedOutput out = model.forwardStacked(m, in.idArray(m), in.slotArray(m), null);
        // the next position's id where it is one id; a stacked one is the depth decoder's
        long[] next = new long[batch * n];
        List<long[]> stacked = new ArrayList<>();
        int[][] stackIndex = new int[batch][];
        java.util.Arrays.fill(next, pad);
        for (int b = 0; b < batch; b++) {
            Folding f = rows.get(b);
            stackIndex[b] = new int[f.positions()];
            for (int p = 1; p < f.positions(); p++) {
                if (f.stacked(p)) {
                    stackIndex[b][p] = stacked.size();
                    long[] codes = new long[depth + 1];
                    codes[0] = (long) b * n + p - 1;
                    for (int l = 0; l < depth; l++) {
                        codes[l + 1] = layout.imageCode(f.ids()[f.start()[p] + l]);
                    }
                    stacked.add(codes);
                } else {
                    next[b * n + p - 1] = f.ids()[f.start()[p]];
                }
            }
        }
        NDArray main = SequenceLoss.tokenNll(out.logits(), m.create(next, new Shape(batch, n))).reshape(-1);
        boolean none = stacked.isEmpty();
        if (none) {
            stacked.add(new long[depth + 1]); // keeps the depth weights in the graph (a zero gradient), as a flat batch does
        }
        long[] hiddenRows = new long[stacked.size()];
        long[] codes = new long[stacked.size() * depth];
        for (int s = 0; s < stacked.size(); s++) {
            hiddenRows[s] = stacked.get(s)[0];
            System.arraycopy(stacked.get(s), 1, codes, s * depth, depth);
        }
        NDArray h = Embedding.embedding(m.create(hiddenRows), out.hidden(), SparseFormat.DENSE).singletonOrThrow();
        NDArray levels = DepthDecoder.nll(model, m, h, m.create(codes, new Shape(stacked.size(), depth))).reshape(-1);
        NDArray zero = levels.sum().mul(scalar(levels, 0f)).reshape(1);
        NDArray all = none ? main.concat(zero) : main.concat(levels).concat(zero);
        long zeroAt = all.size() - 1;
        long[] index = new long[batch * length];
        for (int b = 0; b < batch; b++) {
            Folding f = rows.get(b);
            for (int j = 0; j < length; j++) {
                int p = f.position()[j + 1];
                index[b * length + j] = p == 0 ? zeroAt
                        : f.stacked(p) ? (long) batch * n + (long) stackIndex[b][p] * depth + f.level(j + 1)
                        : (long) b * n + p - 1;
            }
        }
        return all.gather(m.create(index), 0).reshape(batch, length);
    }

    /** The longest input a flat batch folds into, in positions: what must fit the context. */
    public static int inputPositions(VocabularyLayout layout, int batch, int length, long[] inputs, long[] targets) {
        return rows(layout, batch, length, inputs, targets).stream().mapToInt(f -> f.positions() - 1).max().orElse(0);
    }

    /** Each row's whole sequence, {@code ids[0..T]} (inputs' first id, then the targets), folded. */
    private static List<Folding> rows(VocabularyLayout layout, int batch, int length, long[] inputs, long[] targets) {
        if (inputs.length != batch * length || targets.length != batch * length) {
            throw new IllegalArgumentException("a batch of " + batch + " x " + length + " needs " + batch * length
                    + " inputs and targets, got " + inputs.length + " and " + targets.length);
        }
        List<Folding> rows = new ArrayList<>(batch);
        for (int b = 0; b < batch; b++) {
            int[] ids = new int[length + 1];
            ids[0] = (int) inputs[b * length];
            for (int j = 0; j < length; j++) {
                ids[j + 1] = (int) targets[b * length + j];
            }
            rows.add(Folding.of(ids, layout));
        }
        return rows;
    }
}
