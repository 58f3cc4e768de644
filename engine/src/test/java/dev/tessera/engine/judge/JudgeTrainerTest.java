package dev.tessera.engine.judge;

import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.train.TrainingProgress;
import dev.tessera.engine.train.TrainingStop;
import dev.tessera.engine.train.LossFalls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JudgeTrainerTest {

    @TempDir
    Path dir;

    @Test
    void lossFallsOverAFewStepsOfTheTinyConfigOnlyWhenItLearns() {
        // the per-object loss of the tiny judge falls over the smoke run (one thread, so the run repeats bit for bit)
        new LossFalls(5, 10, 0.9).onlyWhenLearning(JudgeTrainingConfig.smoke().learningRate(), lr -> {
            try (SceneJudge judge = SceneJudge.create("tiny", JudgeConfig.tiny(), 2)) {
                List<TrainingProgress> seen = new ArrayList<>();
                JudgeTrainingResult r = new JudgeTrainer(judge, JudgeTrainingConfig.smoke().withLearningRate(lr))
                        .listener(seen::add).run();
                assertThat(r.stepsDone()).isEqualTo(JudgeTrainingConfig.smoke().steps());
                assertThat(r.interrupted()).isFalse();
                assertThat(r.skippedSteps()).isZero();
                assertThat(seen).hasSize(r.stepsDone());
                assertThat(seen.get(0).parts()).containsOnlyKeys("objects", "colours", "shapes", "centres");
                return r.loss();
            }
        });
    }

    @Test
    void aStopRequestEndsAtAStepBoundaryAndKeepsACheckpoint() {
        Path folder = dir.resolve("judge");
        TrainingStop stop = new TrainingStop();
        try (SceneJudge judge = SceneJudge.create("tiny", JudgeConfig.tiny(), 2)) {
            JudgeTrainingResult r = new JudgeTrainer(judge, JudgeTrainingConfig.smoke())
                    .listener(p -> {
                        if (p.step() == 4) {
                            stop.request();
                        }
                    })
                    .stop(stop).checkpointTo(folder, Map.of("test", true)).run();
            assertThat(r.stepsDone()).isEqualTo(4);
            assertThat(r.interrupted()).isTrue();
        }
        assertThat(folder.resolve("provenance.json")).content().contains("\"stepsDone\" : 4").contains("\"interrupted\" : true");
        try (SceneJudge back = JudgeCheckpoint.load(folder)) {
            assertThat(back.name()).isEqualTo("tiny");
        }
    }

    @Test
    void itTrainsOnScenesOfOneToFourObjectsWithTheTrainingSeed() {
        try (SceneJudge judge = SceneJudge.create("tiny", JudgeConfig.tiny(), 2)) {
            assertThat(new JudgeTrainer(judge, JudgeTrainingConfig.smoke().withSeed(9)).scenes())
                    .isEqualTo(new SceneConfig(16, 1, 4, 9));
        }
    }

    @Test
    void theHeldOutSeedCannotBeUsedForTraining() {
        assertThatThrownBy(() -> JudgeTrainingConfig.smoke().withSeed(SceneConfig.HELD_OUT_SEED))
                .hasMessageContaining("HELD_OUT_SEED");
    }
}
