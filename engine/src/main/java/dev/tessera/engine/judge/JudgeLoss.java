package dev.tessera.engine.judge;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;

import static dev.tessera.engine.nn.Tensors.scalar;

/**
 * The judge's training loss over a batch of logits laid out as {@link JudgeHeads} says:
 * cross-entropy of the count softmax plus binary cross-entropy of every presence sigmoid,
 * summed over a head's outputs and averaged over the batch, so each head weighs about as
 * much as the count.
 */
final class JudgeLoss {

    private JudgeLoss() {
    }

    /** The loss and its parts, all scalars. */
    record Parts(NDArray total, NDArray count, NDArray colours, NDArray shapes, NDArray positions) {
    }

    /** {@code logits} and {@code targets} are (N, {@value JudgeHeads#SIZE}). */
    static Parts of(NDArray logits, NDArray targets) {
        NDArray count = crossEntropy(slice(logits, 0, JudgeHeads.COUNTS), slice(targets, 0, JudgeHeads.COUNTS));
        NDArray colours = binaryCrossEntropy(slice(logits, JudgeHeads.COLOUR_OFFSET, JudgeHeads.SHAPE_OFFSET),
                slice(targets, JudgeHeads.COLOUR_OFFSET, JudgeHeads.SHAPE_OFFSET));
        NDArray shapes = binaryCrossEntropy(slice(logits, JudgeHeads.SHAPE_OFFSET, JudgeHeads.POSITION_OFFSET),
                slice(targets, JudgeHeads.SHAPE_OFFSET, JudgeHeads.POSITION_OFFSET));
        NDArray positions = binaryCrossEntropy(slice(logits, JudgeHeads.POSITION_OFFSET, JudgeHeads.SIZE),
                slice(targets, JudgeHeads.POSITION_OFFSET, JudgeHeads.SIZE));
        return new Parts(count.add(colours).add(shapes).add(positions), count, colours, shapes, positions);
    }

    /**
     * {@code log(sigmoid(z)) = -(max(-z, 0) + log(1 + exp(-|z|)))}: the exponent is never
     * positive, so nothing overflows, and large negative {@code z} gives {@code z}, not -inf.
     */
    static NDArray logSigmoid(NDArray z) {
        return z.neg().maximum(scalar(z, 0f)).add(z.abs().neg().exp().add(scalar(z, 1f)).log()).neg();
    }

    /** Mean over rows of the summed per-output BCE; {@code log(1 - sigmoid(z)) = logSigmoid(-z)}. */
    static NDArray binaryCrossEntropy(NDArray logits, NDArray targets) {
        NDArray perOutput = targets.mul(logSigmoid(logits))
                .add(targets.neg().add(scalar(targets, 1f)).mul(logSigmoid(logits.neg())))
                .neg();
        return perOutput.sum(new int[] {1}).mean();
    }

    /** Mean over rows of {@code -sum(target * logSoftmax(logits))}, targets one-hot. */
    static NDArray crossEntropy(NDArray logits, NDArray oneHot) {
        return oneHot.mul(logits.logSoftmax(1)).sum(new int[] {1}).neg().mean();
    }

    private static NDArray slice(NDArray x, int from, int to) {
        return x.get(new NDIndex(":, {}:{}", from, to));
    }
}
