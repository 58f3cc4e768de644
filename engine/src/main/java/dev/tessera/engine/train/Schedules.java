package dev.tessera.engine.train;

import ai.djl.training.tracker.CosineTracker;
import ai.djl.training.tracker.Tracker;
import ai.djl.training.tracker.WarmUpTracker;

/** The learning-rate schedule every Tessera trainer uses. */
public final class Schedules {

    private Schedules() {
    }

    /**
     * Linear warm-up from 10% to {@code peak} over {@code warmupSteps}, then cosine decay to 5%
     * of {@code peak} at step {@code steps}.
     */
    public static Tracker warmUpCosine(double peak, int warmupSteps, int steps) {
        int main = steps - warmupSteps;
        Tracker cosine = CosineTracker.builder().setBaseValue((float) peak)
                .optFinalValue((float) (0.05 * peak)).setMaxUpdates(Math.max(1, main)).build();
        if (warmupSteps == 0) {
            return cosine;
        }
        return WarmUpTracker.builder().setMainTracker(cosine).optWarmUpSteps(warmupSteps)
                .optWarmUpBeginValue((float) (0.1 * peak)).build();
    }
}
