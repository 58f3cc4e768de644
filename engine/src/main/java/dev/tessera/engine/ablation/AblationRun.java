package dev.tessera.engine.ablation;

/**
 * One trained and measured run of an ablation.
 *
 * @param arm          the arm's name
 * @param seed         the seed of its training (data order and initial weights)
 * @param steps        steps trained
 * @param batch        sequences per step
 * @param trainSeconds wall-clock seconds of training (resumed runs: of the last session only)
 * @param checkpoint   the checkpoint folder the metrics were measured on
 * @param metrics      its held-out scores
 */
public record AblationRun(String arm, long seed, int steps, int batch, double trainSeconds, String checkpoint,
                          ArmMetrics metrics) {

    /** Whether this run is {@code arm} at {@code seed} with this budget. */
    public boolean is(String arm, long seed, int steps, int batch) {
        return this.arm.equals(arm) && this.seed == seed && this.steps == steps && this.batch == batch;
    }
}
