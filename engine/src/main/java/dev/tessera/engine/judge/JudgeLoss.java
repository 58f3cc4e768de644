package dev.tessera.engine.judge;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Activation;

import static dev.tessera.engine.nn.Tensors.scalar;

/**
 * The judge's training loss over (N, {@value JudgeHeads#PER_CELL}, g, g) logits and targets
 * laid out as {@link JudgeHeads} says: binary cross-entropy of "a centre lies here" in every
 * cell, plus, only in the cells that hold a centre, cross-entropy of the colour and of the
 * shape and the absolute error of the centre's place in the cell. Each part is summed over
 * cells and averaged over images, so one object's colour weighs as much as its existence.
 */
final class JudgeLoss {

    /** The centre error is in cell units (0..1); this brings it near the other parts' scale. */
    static final float CENTRE_WEIGHT = 4f;

    private JudgeLoss() {
    }

    /** The loss and its parts, all scalars. */
    record Parts(NDArray total, NDArray objects, NDArray colours, NDArray shapes, NDArray centres) {
    }

    static Parts of(NDArray logits, NDArray targets) {
        float n = logits.getShape().get(0);
        NDArray mask = channels(targets, JudgeHeads.OBJECT, JudgeHeads.OBJECT + 1);
        NDArray z = channels(logits, JudgeHeads.OBJECT, JudgeHeads.OBJECT + 1);
        NDArray objects = mask.mul(logSigmoid(z)).add(mask.neg().add(scalar(mask, 1f)).mul(logSigmoid(z.neg())))
                .sum().neg().div(scalar(logits, n));
        NDArray colours = maskedCrossEntropy(channels(logits, JudgeHeads.COLOUR_OFFSET, JudgeHeads.SHAPE_OFFSET),
                channels(targets, JudgeHeads.COLOUR_OFFSET, JudgeHeads.SHAPE_OFFSET), n);
        NDArray shapes = maskedCrossEntropy(channels(logits, JudgeHeads.SHAPE_OFFSET, JudgeHeads.CENTRE_OFFSET),
                channels(targets, JudgeHeads.SHAPE_OFFSET, JudgeHeads.CENTRE_OFFSET), n);
        NDArray centres = Activation.sigmoid(channels(logits, JudgeHeads.CENTRE_OFFSET, JudgeHeads.PER_CELL))
                .sub(channels(targets, JudgeHeads.CENTRE_OFFSET, JudgeHeads.PER_CELL)).abs().mul(mask)
                .sum().mul(scalar(logits, CENTRE_WEIGHT / n));
        return new Parts(objects.add(colours).add(shapes).add(centres), objects, colours, shapes, centres);
    }

    /**
     * {@code log(sigmoid(z)) = -(max(-z, 0) + log(1 + exp(-|z|)))}: the exponent is never
     * positive, so nothing overflows, and large negative {@code z} gives {@code z}, not -inf.
     */
    static NDArray logSigmoid(NDArray z) {
        return z.neg().maximum(scalar(z, 0f)).add(z.abs().neg().exp().add(scalar(z, 1f)).log()).neg();
    }

    /** {@code -sum(oneHot * logSoftmax(logits over channels)) / n}; cells whose target is all zeros add nothing. */
    static NDArray maskedCrossEntropy(NDArray logits, NDArray oneHot, float n) {
        return oneHot.mul(logits.logSoftmax(1)).sum().neg().div(scalar(logits, n));
    }

    private static NDArray channels(NDArray x, int from, int to) {
        return x.get(new NDIndex(":, {}:{}", from, to));
    }
}
