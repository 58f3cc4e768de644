package dev.tessera.engine.train;

import dev.tessera.engine.judge.JudgeTrainingConfig;
import dev.tessera.engine.unified.UnifiedTrainingConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every training recipe takes steps, batch size and checkpoint interval up to the shared caps, and no further. */
class TrainingLimitsTest {

    private static final UnifiedTrainingConfig UNIFIED = UnifiedTrainingConfig.notebook();

    @Test
    void unifiedStepsUpToTheCap() {
        assertThat(UNIFIED.withSteps(TrainingLimits.MAX_STEPS).steps()).isEqualTo(1_000_000);
        assertThatThrownBy(() -> UNIFIED.withSteps(TrainingLimits.MAX_STEPS + 1))
                .hasMessageContaining("steps must be in 1..1000000, got 1000001");
        assertThatThrownBy(() -> UNIFIED.withSteps(0)).hasMessageContaining("steps must be in 1..1000000, got 0");
        assertThatThrownBy(() -> UNIFIED.withSteps(Integer.MIN_VALUE)).hasMessageContaining("1..1000000");
    }

    @Test
    void unifiedBatchUpToTheCap() {
        assertThat(UNIFIED.withBatchSize(TrainingLimits.MAX_BATCH).batchSize()).isEqualTo(1024);
        assertThatThrownBy(() -> UNIFIED.withBatchSize(1025)).hasMessageContaining("batch size must be in 1..1024, got 1025");
        assertThatThrownBy(() -> UNIFIED.withBatchSize(0)).hasMessageContaining("1..1024, got 0");
    }

    @Test
    void unifiedCheckpointIntervalUpToTheCap() {
        assertThat(UNIFIED.withCheckpointEvery(TrainingLimits.MAX_STEPS).checkpointEvery()).isEqualTo(1_000_000);
        assertThat(UNIFIED.withCheckpointEvery(0).checkpointEvery()).isZero();
        assertThatThrownBy(() -> UNIFIED.withCheckpointEvery(1_000_001))
                .hasMessageContaining("checkpoint-every must be in 0..1000000");
        assertThatThrownBy(() -> UNIFIED.withCheckpointEvery(-1)).hasMessageContaining("0..1000000").hasMessageContaining("got -1");
    }

    @Test
    void unifiedLearningRateIsANumberFromZeroUpToOne() {
        assertThat(UNIFIED.withLearningRate(1).learningRate()).isEqualTo(1);
        assertThat(UNIFIED.withLearningRate(0).learningRate()).as("0: a frozen control run").isZero();
        for (double bad : new double[] {Math.nextUp(1.0), -1e-3, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertThatThrownBy(() -> UNIFIED.withLearningRate(bad)).hasMessageContaining("learningRate must be in [0, 1]");
        }
    }

    @Test
    void tokenizerRecipesShareTheCaps() {
        TokenizerTrainingConfig c = TokenizerTrainingConfig.smoke();
        assertThat(c.withSteps(TrainingLimits.MAX_STEPS).steps()).isEqualTo(TrainingLimits.MAX_STEPS);
        assertThatThrownBy(() -> c.withSteps(TrainingLimits.MAX_STEPS + 1)).hasMessageContaining("steps must be in 1..1000000");
        assertThat(new TokenizerTrainingConfig(40, 1024, 3e-3, 5, 1, 10, 1_000_000, 0, 1.0).batchSize()).isEqualTo(1024);
        assertThatThrownBy(() -> new TokenizerTrainingConfig(40, 1025, 3e-3, 5, 1, 10, 0, 0, 1.0))
                .hasMessageContaining("batch size must be in 1..1024");
        assertThatThrownBy(() -> new TokenizerTrainingConfig(40, 8, 3e-3, 5, 1, 10, 1_000_001, 0, 1.0))
                .hasMessageContaining("checkpoint-every must be in 0..1000000");
        assertThatThrownBy(() -> new TokenizerTrainingConfig(40, 8, 3e-3, 5, 1, 10, 0, 0, Double.NaN))
                .hasMessageContaining("maxGradNorm must be >= 0");
    }

    @Test
    void judgeRecipesShareTheCaps() {
        JudgeTrainingConfig c = JudgeTrainingConfig.smoke();
        assertThat(c.withSteps(TrainingLimits.MAX_STEPS).steps()).isEqualTo(TrainingLimits.MAX_STEPS);
        assertThatThrownBy(() -> c.withSteps(TrainingLimits.MAX_STEPS + 1)).hasMessageContaining("steps must be in 1..1000000");
        assertThat(new JudgeTrainingConfig(80, 1024, 1e-2, 5, 1, 5.0, 1_000_000, 0.5).batchSize()).isEqualTo(1024);
        assertThatThrownBy(() -> new JudgeTrainingConfig(80, 1025, 1e-2, 5, 1, 5.0, 0, 0.5))
                .hasMessageContaining("batch size must be in 1..1024");
        assertThatThrownBy(() -> new JudgeTrainingConfig(80, 16, 1e-2, 5, 1, 5.0, 1_000_001, 0.5))
                .hasMessageContaining("checkpoint-every must be in 0..1000000");
    }

    @Test
    void theShippedRecipesAreWithinTheCaps() {
        assertThat(UnifiedTrainingConfig.small().steps()).isLessThanOrEqualTo(TrainingLimits.MAX_STEPS);
        assertThat(TokenizerTrainingConfig.shapes64().batchSize()).isLessThanOrEqualTo(TrainingLimits.MAX_BATCH);
        assertThat(JudgeTrainingConfig.objects32().batchSize()).isLessThanOrEqualTo(TrainingLimits.MAX_BATCH);
    }
}
