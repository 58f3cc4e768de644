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
 * @param guard        its curriculum's text-guard readings (held-out text perplexity at each stage
 *                     boundary; empty when the curriculum has no guard)
 * @param budget       the held-out data that measured it (null in results written before it was
 *                     recorded, which all used 256 scenes and 8 images for each of the 21 single-object prompts)
 * @param curve        the same run measured at the ablation's earlier {@link Ablation#curve} steps, on
 *                     the same held-out scenes without text-to-image (empty when the ablation has no curve)
 */
public record AblationRun(String arm, long seed, int steps, int batch, double trainSeconds, String checkpoint,
                          ArmMetrics metrics, java.util.List<dev.tessera.engine.train.GuardReading> guard,
                          ArmMetrics.Budget budget, java.util.List<CurvePoint> curve) {

    /**
     * A run's scores after {@code step} of its steps.
     *
     * @param step    steps trained when measured
     * @param metrics the held-out scores then (captions and answers; text-to-image not judged)
     */
    public record CurvePoint(int step, ArmMetrics metrics) {
    }

    public AblationRun {
        guard = guard == null ? java.util.List.of() : java.util.List.copyOf(guard);
        if (budget == null) {
            budget = new ArmMetrics.Budget(256, 8, 0);
        }
        curve = curve == null ? java.util.List.of() : java.util.List.copyOf(curve);
    }

    /** A run measured only at its end. */
    public AblationRun(String arm, long seed, int steps, int batch, double trainSeconds, String checkpoint,
                       ArmMetrics metrics, java.util.List<dev.tessera.engine.train.GuardReading> guard,
                       ArmMetrics.Budget budget) {
        this(arm, seed, steps, batch, trainSeconds, checkpoint, metrics, guard, budget, java.util.List.of());
    }

    /** How it was made and measured: runs compare only when these are equal. */
    public String recipe() {
        if (budget.samples() == 0) {
            return steps + " steps of batch " + batch + ", measured on " + budget.scenes() + " scenes, text-to-image not judged";
        }
        return steps + " steps of batch " + batch + ", measured on " + budget.scenes() + " scenes and " + budget.samples()
                + " images per prompt" + (budget.prompts() == 0 ? " (single-object prompts)"
                : ", " + budget.prompts() + " prompts per category");
    }

    /**
     * The relative change of held-out text perplexity from the first guard reading to the last
     * ({@code 0.01} = 1% higher), or NaN without readings.
     */
    public double textPerplexityChange() {
        return guard.size() < 2 ? Double.NaN
                : guard.get(guard.size() - 1).perplexity() / guard.get(0).perplexity() - 1;
    }

    /** Whether this run is {@code arm} at {@code seed}, trained and measured with this budget. */
    public boolean is(String arm, long seed, int steps, int batch, ArmMetrics.Budget budget) {
        return this.arm.equals(arm) && this.seed == seed && this.steps == steps && this.batch == batch
                && this.budget.equals(budget);
    }
}
