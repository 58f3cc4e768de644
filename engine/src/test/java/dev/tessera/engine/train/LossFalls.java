package dev.tessera.engine.train;

import java.util.List;
import java.util.function.DoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A "the loss falls" check that cannot pass without learning: the same criterion must hold for
 * a run at the real learning rate AND fail for the same run at learning rate 0, so neither a
 * generous margin nor a non-gradient part (EMA codebooks, k-means) can make it pass alone.
 */
public record LossFalls(int first, int last, double factor) {

    /** Mean loss of the last {@code last} steps below {@code factor} times the mean of the first {@code first}. */
    public boolean holds(List<Double> losses) {
        return mean(losses.subList(losses.size() - last, losses.size())) < factor * mean(losses.subList(0, first));
    }

    /** Runs {@code lossesAtRate} at {@code rate} and at 0 and checks the criterion separates them. */
    public void onlyWhenLearning(double rate, DoubleFunction<List<Double>> lossesAtRate) {
        List<Double> learning = lossesAtRate.apply(rate);
        List<Double> frozen = lossesAtRate.apply(0);
        assertThat(holds(learning)).as("at learning rate %s the loss falls: first %s ... last %s", rate,
                learning.subList(0, first), learning.subList(learning.size() - last, learning.size())).isTrue();
        assertThat(holds(frozen)).as("at learning rate 0 the same criterion fails: first %s ... last %s",
                frozen.subList(0, first), frozen.subList(frozen.size() - last, frozen.size())).isFalse();
    }

    static double mean(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
