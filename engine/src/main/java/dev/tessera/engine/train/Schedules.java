package dev.tessera.engine.train;

import ai.djl.training.tracker.CosineTracker;
import ai.djl.training.tracker.Tracker;
import ai.djl.training.tracker.WarmUpTracker;

/** Learning-rate schedules shared by every trainer. */
public final class Schedules {

    private Schedules() {
    }

    /**
     * Linear warm-up from 10% of {@code lr} over {@code warmup} steps, then cosine decay to 5% of
     * {@code lr} at {@code steps}. A pure function of the update count, so a resumed run follows
     * the same curve.
     */
    public static Tracker warmupCosine(double lr, int steps, int warmup) {
        if (lr == 0) {
            return Tracker.fixed(0f); // a frozen control run; DJL's trackers refuse a zero base value
        }
        int main = steps - warmup;
        Tracker cosine = CosineTracker.builder().setBaseValue((float) lr).optFinalValue((float) (0.05 * lr))
                .setMaxUpdates(Math.max(1, main)).build();
        if (warmup == 0) {
            return cosine;
        }
        return WarmUpTracker.builder().setMainTracker(cosine).optWarmUpSteps(warmup)
                .optWarmUpBeginValue((float) (0.1 * lr)).build();
    }
}
