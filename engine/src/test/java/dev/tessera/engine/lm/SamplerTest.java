package dev.tessera.engine.lm;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SamplerTest {

    static final float[] LOGITS = {5f, 0f, 1f, 2f, 3f, 0.5f};

    @Test
    void greedyTakesTheBestAllowedId() {
        Sampler s = new Sampler(SamplingConfig.greedy());
        assertThat(s.pick(LOGITS, new int[] {0, 6})).isEqualTo(0);
        assertThat(s.pick(LOGITS, new int[] {1, 4})).isEqualTo(3);
        assertThat(s.pick(LOGITS, new int[] {1, 2, 4, 6})).isEqualTo(4);
    }

    @Test
    void samplingStaysInsideTheAllowedRangesAndTopKAndTopP() {
        Sampler any = new Sampler(new SamplingConfig(1.5, 0, 1, 1, 7));
        Sampler top2 = new Sampler(new SamplingConfig(1.5, 2, 1, 1, 7));
        Sampler nucleus = new Sampler(new SamplingConfig(1.0, 0, 0.5, 1, 7));
        for (int i = 0; i < 500; i++) {
            assertThat(any.pick(LOGITS, new int[] {1, 4})).isBetween(1, 3);
            assertThat(top2.pick(LOGITS, new int[] {0, 6})).isIn(0, 4);
            // p(0) = e^5 / sum > 0.5, so the nucleus holds id 0 alone
            assertThat(nucleus.pick(LOGITS, new int[] {0, 6})).isEqualTo(0);
        }
    }

    @Test
    void samplingFrequenciesFollowTheSoftmax() {
        Sampler s = new Sampler(new SamplingConfig(1.0, 0, 1, 1, 3));
        float[] logits = {0f, (float) Math.log(3)};
        int ones = 0;
        int n = 20000;
        for (int i = 0; i < n; i++) {
            ones += s.pick(logits, new int[] {0, 2});
        }
        assertThat(ones / (double) n).isBetween(0.74, 0.76);
    }

    @Test
    void guidancePushesAwayFromTheUnconditionalScores() {
        float[] cond = {2f, 1f};
        Sampler.guide(cond, new float[] {1f, 1f}, 3.0);
        assertThat(cond).containsExactly(4f, 1f);
    }

    @Test
    void badSettingsAreRefusedWithTheRange() {
        assertThatThrownBy(() -> new SamplingConfig(-1, 0, 1, 1, 0)).hasMessageContaining("temperature");
        assertThatThrownBy(() -> new SamplingConfig(1, 0, 0, 1, 0)).hasMessageContaining("topP");
        assertThatThrownBy(() -> new SamplingConfig(1, -2, 1, 1, 0)).hasMessageContaining("topK");
    }

    @Test
    void scoresAreOrderedHighestFirstWithTiesByPositionLikeAStableSort() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        for (int trial = 0; trial < 50; trial++) {
            double[] scores = new double[1 + rng.nextInt(300)];
            for (int i = 0; i < scores.length; i++) {
                // few distinct values, both signs, zeros of both signs (-0 below +0, as Double.compare has it) and infinities: many ties
                scores[i] = switch (rng.nextInt(8)) {
                    case 0 -> Float.NEGATIVE_INFINITY;
                    case 1 -> -0.0;
                    case 2 -> 0.0;
                    case 3 -> Float.POSITIVE_INFINITY;
                    default -> (float) (rng.nextInt(21) - 10) * 0.37f;
                };
            }
            Integer[] boxed = new Integer[scores.length];
            for (int i = 0; i < boxed.length; i++) {
                boxed[i] = i;
            }
            java.util.Arrays.sort(boxed, (a, b) -> Double.compare(scores[b], scores[a]));
            assertThat(Sampler.byDescendingScore(scores))
                    .containsExactly(java.util.Arrays.stream(boxed).mapToInt(Integer::intValue).toArray());
        }
    }

    @Test
    void theTopKByHeapAreTheFirstKOfTheFullOrderTiesIncluded() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
        for (int trial = 0; trial < 200; trial++) {
            double[] scores = new double[1 + rng.nextInt(400)];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = switch (rng.nextInt(6)) {
                    case 0 -> Float.NEGATIVE_INFINITY;
                    case 1 -> -0.0;
                    case 2 -> 0.0;
                    default -> rng.nextBoolean() ? (float) (rng.nextInt(9) - 4) * 0.5f : (float) rng.nextGaussian();
                };
            }
            int k = 1 + rng.nextInt(scores.length);
            assertThat(Sampler.topByScore(scores, k))
                    .containsExactly(java.util.Arrays.copyOf(Sampler.byDescendingScore(scores), k));
        }
    }
}
