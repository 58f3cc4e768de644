package dev.tessera.engine.unified;

/**
 * The losses of one training step: the mean NLL over all target ids, and separately over text
 * (and control) targets and image targets, so the two modalities can be watched apart.
 */
public record StepLoss(int step, double loss, double textNll, double imageNll) {
}
