package dev.tessera.engine.unified;

import dev.tessera.engine.train.StepLoss;

import dev.tessera.engine.lm.LossWeighting;
import dev.tessera.engine.train.TrainingStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnifiedTrainerTest {

    static final UnifiedTrainingConfig SHORT = new UnifiedTrainingConfig(8, 6, 3e-3, 2, 0.01, 1.0, 21, 0,
            dev.tessera.engine.task.TaskMix.balanced(), LossWeighting.TOKEN);

    @ParameterizedTest
    @EnumSource(LossWeighting.class)
    void theLossFallsOverAFewStepsForBothTasksKindsUnderEitherWeightingOnlyWhenItLearns(LossWeighting weighting) {
        UnifiedTrainingConfig cfg = new UnifiedTrainingConfig(40, 8, 3e-3, 4, 0.0, 1.0, 3, 0,
                dev.tessera.engine.task.TaskMix.balanced(), weighting);
        assertThat(falls(history(cfg))).as("at learning rate 3e-3").isTrue();
        assertThat(falls(history(cfg.withLearningRate(0)))).as("the same run at learning rate 0").isFalse();
    }

    /** Mean loss of the last 5 steps at least 0.5 nats under the first 5, and both NLLs lower at the end. */
    private static boolean falls(List<StepLoss> h) {
        double first = h.subList(0, 5).stream().mapToDouble(StepLoss::loss).average().orElseThrow();
        double last = h.subList(h.size() - 5, h.size()).stream().mapToDouble(StepLoss::loss).average().orElseThrow();
        StepLoss end = h.get(h.size() - 1);
        return last < first - 0.5 && end.textNll() < h.get(0).textNll() && end.imageNll() < h.get(0).imageNll();
    }

    private static List<StepLoss> history(UnifiedTrainingConfig cfg) {
        try (UnifiedModel model = UnifiedModel.create(UnifiedConfig.tiny(), 1);
             UnifiedTrainer t = new UnifiedTrainer(model, cfg)) {
            UnifiedTrainingResult r = t.run();
            assertThat(r.history()).hasSize(cfg.steps());
            assertThat(r.skippedSteps()).isZero();
            return r.history();
        }
    }

    @Test
    void aResumedRunContinuesWithExactlyTheLossesOfAnUninterruptedOne(@TempDir Path dir) {
        List<StepLoss> straight;
        try (UnifiedModel model = UnifiedModel.create(UnifiedConfig.tiny(), 9);
             UnifiedTrainer t = new UnifiedTrainer(model, SHORT)) {
            straight = t.run().history();
        }
        Path folder = dir.resolve("run");
        TrainingStop stop = new TrainingStop();
        try (UnifiedModel model = UnifiedModel.create(UnifiedConfig.tiny(), 9);
             UnifiedTrainer t = new UnifiedTrainer(model, SHORT)) {
            UnifiedTrainingResult first = t.stop(stop).listener(p -> {
                if (p.step() == 3) {
                    stop.request();
                }
            }).checkpointTo(folder, Map.of("test", true)).run();
            assertThat(first.interrupted()).isTrue();
            assertThat(first.steps()).isEqualTo(3);
        }
        UnifiedCheckpoint.Loaded loaded = UnifiedCheckpoint.load(folder);
        assertThat(loaded.step()).isEqualTo(3);
        List<StepLoss> resumed;
        try (UnifiedModel model = loaded.model(); UnifiedTrainer t = UnifiedTrainer.resume(loaded, SHORT)) {
            resumed = t.run().history();
        }
        assertThat(resumed).hasSize(8);
        for (int i = 0; i < 8; i++) {
            assertThat(resumed.get(i).loss()).as("step %d", i + 1).isEqualTo(straight.get(i).loss());
            assertThat(resumed.get(i).imageNll()).isEqualTo(straight.get(i).imageNll());
        }
    }

    /** Captions and answers only: no step has an image target, so no step reports an image NLL (not 0). */
    @Test
    void aStepWithoutImageTargetsHasNoImageNllAndTheCheckpointKeepsItMissing(@TempDir Path dir) {
        UnifiedTrainingConfig textOnly = new UnifiedTrainingConfig(3, 4, 3e-3, 1, 0.0, 1.0, 5, 0,
                new dev.tessera.engine.task.TaskMix(1, 0, 1, 0.1), LossWeighting.TOKEN);
        try (UnifiedModel model = UnifiedModel.create(UnifiedConfig.tiny(), 4);
             UnifiedTrainer t = new UnifiedTrainer(model, textOnly)) {
            List<StepLoss> h = t.checkpointTo(dir, Map.of()).run().history();
            assertThat(h).hasSize(3).allSatisfy(s -> {
                assertThat(s.imageNll()).isNaN();
                assertThat(s.textNll()).isPositive().isEqualTo(s.loss(), org.assertj.core.api.Assertions.within(1e-5));
            });
        }
        assertThat(UnifiedCheckpoint.history(dir)).hasSize(3).allSatisfy(s -> assertThat(s.imageNll()).isNaN());
    }

    @Test
    void resumingWithAnotherTrainingConfigIsRefused(@TempDir Path dir) {
        try (UnifiedModel model = UnifiedModel.create(UnifiedConfig.tiny(), 2);
             UnifiedTrainer t = new UnifiedTrainer(model, SHORT.withSteps(2))) {
            t.checkpointTo(dir, Map.of()).run();
        }
        UnifiedCheckpoint.Loaded loaded = UnifiedCheckpoint.load(dir);
        try (UnifiedModel model = loaded.model()) {
            assertThatThrownBy(() -> UnifiedTrainer.resume(loaded, SHORT.withBatchSize(3)))
                    .hasMessageContaining("was trained with").hasMessageContaining("same training config");
        }
    }

    @Test
    void anInterruptedThreadStopsAtAStepBoundaryAndKeepsItsCheckpoint(@TempDir Path dir) throws Exception {
        try (UnifiedModel model = UnifiedModel.create(UnifiedConfig.tiny(), 4);
             UnifiedTrainer t = new UnifiedTrainer(model, SHORT)) {
            UnifiedTrainingResult r = t.listener(p -> {
                if (p.step() == 2) {
                    Thread.currentThread().interrupt();
                }
            }).checkpointTo(dir, Map.of()).run();
            Thread.interrupted();
            assertThat(r.interrupted()).isTrue();
            assertThat(r.steps()).isEqualTo(2);
        }
        assertThat(Files.list(dir.getParent()).filter(p -> p.getFileName().toString().contains(".tmp-"))).isEmpty();
        UnifiedCheckpoint.Loaded loaded = UnifiedCheckpoint.load(dir);
        try (UnifiedModel m = loaded.model()) {
            assertThat(loaded.step()).isEqualTo(2);
            assertThat(loaded.history()).hasSize(2);
        }
    }
}
