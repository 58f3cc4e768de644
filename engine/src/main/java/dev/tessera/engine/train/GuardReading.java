package dev.tessera.engine.train;

/**
 * One reading of a curriculum's text guard: the held-out text perplexity at a stage boundary.
 *
 * @param after      {@value #START} (before the first stage) or the stage it was measured after
 * @param step       overall steps done when it was measured
 * @param perplexity the held-out text perplexity
 * @param change     its relative change from the reading before ({@code 0.01} = 1% higher); NaN for the first
 * @param breached   whether it rose by more than the guard's tolerance
 */
public record GuardReading(String after, int step, double perplexity, double change, boolean breached) {

    /** The reading taken before the first stage. */
    public static final String START = "start";
}
