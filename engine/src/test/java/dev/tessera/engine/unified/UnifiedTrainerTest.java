package dev.tessera.engine.unified;

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
    void theLossFallsOverAFewStepsForBothTasksKindsUnderEitherWeighting(LossWeighting weighting) {
        UnifiedTrainingConfig cfg = new UnifiedTrainingConfig(40, 8, 3e-3, 4, 0.0, 1.0, 3, 0,
                dev.tessera.engine.task.TaskMix.balanced(), weighting);
        try (UnifiedModel model = UnifiedModel.create(UnifiedConfig.tiny(), 1);
             UnifiedTrainer t = new UnifiedTrainer(model, cfg)) {
            List<StepLoss> h = t.run().history();
            assertThat(h).hasSize(40);
            double first = h.subList(0, 5).stream().mapToDouble(StepLoss::loss).average().orElseThrow();
            double last = h.subList(35, 40).stream().mapToDouble(StepLoss::loss).average().orElseThrow();
            assertThat(last).isLessThan(first - 0.5);
            assertThat(h.get(39).textNll()).isLessThan(h.get(0).textNll());
            assertThat(h.get(39).imageNll()).isLessThan(h.get(0).imageNll());
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
