package dev.tessera.engine.train;

import java.util.List;

/**
 * A gradient that was NaN or infinite in the first steps of a run from a fresh start, where a
 * healthy model's gradients are small and the warm-up keeps the rate low: a numerical fault
 * (a library kernel, a broken layer), never a spike worth skipping. Raised instead of dropping
 * the step, so the fault names itself; later in a run such steps are skipped and counted
 * ({@link TrainingProgress#skippedSteps()}).
 */
public class NonFiniteGradientException extends TrainingDivergedException {

    private final int step;
    private final List<String> parameters;

    public NonFiniteGradientException(int step, List<String> parameters, String kept) {
        super("the gradient of step " + step + " is not finite (NaN, infinite, or too large for its norm) in "
                + (parameters.isEmpty() ? "some parameter" : String.join(", ", parameters.subList(0, Math.min(6, parameters.size())))
                + (parameters.size() > 6 ? " and " + (parameters.size() - 6) + " more" : ""))
                + ", within the first " + TrainingControls.EARLY_STEPS + " steps of a fresh run, where it means a numerical"
                + " fault rather than a too-high learning rate; " + kept + ". If TESSERA_CONVOLUTION=library is set, unset"
                + " it, or set ONEDNN_MAX_CPU_ISA=AVX2 before Java starts (libtorch's oneDNN convolution backward"
                + " returns non-finite gradients on AVX-512 CPUs); otherwise report this message with the command that"
                + " produced it");
        this.step = step;
        this.parameters = List.copyOf(parameters);
    }

    /** The step (1-based) whose gradient was not finite. */
    public int step() {
        return step;
    }

    /** The parameters whose gradient had no finite norm, in model order. */
    public List<String> parameters() {
        return parameters;
    }
}
