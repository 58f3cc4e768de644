package dev.tessera.engine.unified;

/**
 * The losses of one training step: the mean NLL over all target ids, and separately over text
 * (and control) targets and image targets, so the two modalities can be watched apart. A part is
 * NaN when the step's batch had no target of that kind (a batch of captions and answers only has
 * no image target): a missing value, never a perfect score of 0, and charts leave a gap there.
 */
public record StepLoss(int step, double loss, double textNll, double imageNll) {
}
