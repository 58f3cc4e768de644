package dev.tessera.engine.unified;

import dev.tessera.engine.edit.EditKind;
import dev.tessera.engine.eval.WilsonInterval;

/**
 * How well a model carries out one kind of edit on held-out scenes, judged object by object.
 *
 * @param kind             the instruction kind
 * @param edits            edits judged
 * @param accuracy         share whose result the judge reads as exactly the target scene (every
 *                         object with its colour, shape and 3x3 cell, nothing more)
 * @param standardError    binomial standard error of {@code accuracy} over the edits
 * @param kept             share whose result the judge reads as the unedited input (the model
 *                         copied the picture and ignored the instruction)
 * @param ceiling          share of the exact targets, through the model's image tokenizer, that
 *                         the judge reads as the target: the best a perfect editor could score
 * @param changedPositions mean number of grid positions whose ids the model changed
 * @param targetPositions  mean number of grid positions the exact edit changes
 */
public record EditScore(EditKind kind, int edits, double accuracy, double standardError, double kept, double ceiling,
                        double changedPositions, double targetPositions) {

    /** The 95% Wilson interval of {@code accuracy}: unlike the standard error, not empty when no edit (or every edit) is right. */
    public WilsonInterval interval() {
        return WilsonInterval.of(Math.round(accuracy * edits), edits);
    }
}
