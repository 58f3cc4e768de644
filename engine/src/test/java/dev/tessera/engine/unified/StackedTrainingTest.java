package dev.tessera.engine.unified;

import ai.djl.ndarray.NDManager;
import dev.tessera.engine.lm.LossWeighting;
import dev.tessera.engine.lm.StackedLoss;
import dev.tessera.engine.runtime.TesseraRuntime;
import dev.tessera.engine.task.TaskBatch;
import dev.tessera.engine.task.TaskMix;
import dev.tessera.engine.train.StepLoss;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StackedTrainingTest {

    static final UnifiedTrainingConfig THIRTY = new UnifiedTrainingConfig(30, 8, 3e-3, 4, 0.0, 1.0, 3, 0,
            TaskMix.balanced(), LossWeighting.TOKEN);

    @Test
    void aStackedTinyModelsLossFallsOverThirtyStepsOnlyWhenItLearns(@TempDir Path dir) {
        List<StepLoss> learning = history(dir.resolve("a"), THIRTY);
        List<StepLoss> frozen = history(dir.resolve("b"), THIRTY.withLearningRate(0));
        assertThat(falls(learning)).as("at 3e-3: %s", learning).isTrue();
        assertThat(falls(frozen)).as("at learning rate 0: %s", frozen).isFalse();
    }

    /** Mean loss of the last 5 steps at least 0.5 nats under the first 5, and both NLLs lower at the end. */
    private static boolean falls(List<StepLoss> h) {
        double first = h.subList(0, 5).stream().mapToDouble(StepLoss::loss).average().orElseThrow();
        double last = h.subList(h.size() - 5, h.size()).stream().mapToDouble(StepLoss::loss).average().orElseThrow();
        StepLoss end = h.get(h.size() - 1);
        return last < first - 0.5 && end.textNll() < h.get(0).textNll() && end.imageNll() < h.get(0).imageNll();
    }

    private static List<StepLoss> history(Path tokenizer, UnifiedTrainingConfig cfg) {
        try (UnifiedModel model = StackedModels.create(tokenizer, 1); UnifiedTrainer t = new UnifiedTrainer(model, cfg)) {
            UnifiedTrainingResult r = t.run();
            assertThat(r.skippedSteps()).isZero();
            return r.history();
        }
    }

    @Test
    void aCheckpointOfAStackedModelLoadsStackedWithIdenticalScores(@TempDir Path dir) {
        UnifiedTrainingConfig two = new UnifiedTrainingConfig(2, 4, 3e-3, 1, 0.0, 1.0, 5, 0, TaskMix.balanced(),
                LossWeighting.TOKEN);
        Path folder = dir.resolve("run");
        float[] before;
        TaskBatch batch;
        try (UnifiedModel model = StackedModels.create(dir.resolve("tok"), 2); UnifiedTrainer t = new UnifiedTrainer(model, two)) {
            t.checkpointTo(folder, Map.of("test", true)).run();
            batch = t.batch(7);
            before = scores(model, batch);
        }
        UnifiedCheckpoint.Loaded loaded = UnifiedCheckpoint.load(folder);
        try (UnifiedModel model = loaded.model()) {
            assertThat(model.config().stacking()).isEqualTo(model.transformer().stacking());
            assertThat(model.transformer().stacking().folds()).isTrue();
            assertThat(model.transformer().parameters().names()).contains("depth.position", "depth.block0.qkv.weight");
            assertThat(scores(model, batch)).containsExactly(before);
        }
    }

    @Test
    void aStackedModelLearnsToDecompressItsFoldedImagesIntoFlatCodes(@TempDir Path dir) {
        UnifiedTrainingConfig cfg = new UnifiedTrainingConfig(30, 8, 3e-3, 4, 0.0, 1.0, 4, 0,
                TaskMix.of(dev.tessera.engine.task.DecompressTask.NAME), LossWeighting.TOKEN);
        List<Double> learning = decompressLosses(dir.resolve("a"), cfg);
        List<Double> frozen = decompressLosses(dir.resolve("b"), cfg.withLearningRate(0));
        new dev.tessera.engine.train.LossFalls(5, 5, 0.8).onlyWhenLearning(3e-3, rate -> rate == 0 ? frozen : learning);
    }

    private static List<Double> decompressLosses(Path tokenizer, UnifiedTrainingConfig cfg) {
        try (UnifiedModel model = StackedModels.create(tokenizer, 1).withTaskTags(
                List.of(dev.tessera.engine.task.DecompressTask.TAG)); UnifiedTrainer t = new UnifiedTrainer(model, cfg)) {
            List<StepLoss> h = t.run().history();
            assertThat(h).allSatisfy(s -> assertThat(s.tasks()).containsOnlyKeys(dev.tessera.engine.task.DecompressTask.NAME));
            return h.stream().map(StepLoss::loss).toList();
        }
    }

    private static float[] scores(UnifiedModel model, TaskBatch b) {
        try (NDManager m = TesseraRuntime.newManager()) {
            return StackedLoss.targetNll(model.transformer(), m, b.batch(), b.length(), b.inputs(), b.targets()).toFloatArray();
        }
    }
}
