package dev.tessera.engine.semantic;

import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.train.LossFalls;
import dev.tessera.engine.train.TrainingStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SemanticTrainerTest {

    @Test
    void theContrastiveLossFallsOnlyWhenTheEncoderLearns() {
        // measured: 0.894 of the first steps' loss when learning, 0.982 at learning rate 0 (later batches differ)
        new LossFalls(5, 5, 0.94).onlyWhenLearning(SemanticTrainingConfig.smoke().learningRate(), lr -> {
            try (SemanticEncoder e = SemanticEncoder.create("t", SemanticEncoderConfig.tiny(), 3)) {
                SemanticTrainingResult r = new SemanticTrainer(e, SemanticTrainingConfig.smoke().withLearningRate(lr)).run();
                assertThat(r.stepsDone()).isEqualTo(30);
                assertThat(r.skippedSteps()).isZero();
                return r.losses();
            }
        });
    }

    @Test
    void aStoppedRunKeepsItsCheckpointAndLoadsWithTheSameFeatures(@TempDir Path dir) {
        Path folder = dir.resolve("enc");
        TrainingStop stop = new TrainingStop();
        List<RgbImage> images = new dev.tessera.engine.data.SceneGenerator(SceneConfig.scenes32(9).withSize(16)).scenes(0, 3)
                .stream().map(s -> s.image()).toList();
        try (SemanticEncoder e = SemanticEncoder.create("t", SemanticEncoderConfig.tiny(), 3)) {
            SemanticTrainingResult r = new SemanticTrainer(e, SemanticTrainingConfig.smoke())
                    .listener(p -> {
                        if (p.step() == 6) {
                            stop.request();
                        }
                    })
                    .stop(stop).checkpointTo(folder, Map.of("test", true)).run();
            assertThat(r.interrupted()).isTrue();
            assertThat(r.stepsDone()).isEqualTo(6);
            float[][][] before = e.features(images);
            try (SemanticEncoder loaded = SemanticCheckpoint.load(folder)) {
                assertThat(loaded.config()).isEqualTo(SemanticEncoderConfig.tiny());
                assertThat(loaded.features(images)).isDeepEqualTo(before);
            }
            for (float[] position : before[0]) {
                double norm = 0;
                for (float v : position) {
                    norm += v * v;
                }
                assertThat(norm).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-4));
            }
        }
    }

    @Test
    void theHeldOutSeedAndTooManyPositionsAreRefused() {
        assertThatThrownBy(() -> SemanticTrainingConfig.smoke().withSeed(SceneConfig.HELD_OUT_SEED))
                .hasMessageContaining("held-out");
        try (SemanticEncoder e = SemanticEncoder.create("t", SemanticEncoderConfig.tiny(), 3)) {
            SemanticTrainingConfig c = SemanticTrainingConfig.smoke();
            SemanticTrainingConfig tooMany = new SemanticTrainingConfig(c.steps(), c.batchSize(), c.learningRate(),
                    c.warmupSteps(), c.temperature(), 17, c.maxGradNorm(), c.seed(), 0, c.views(), true);
            assertThatThrownBy(() -> new SemanticTrainer(e, tooMany)).hasMessageContaining("at most 16");
        }
    }

    /** No label reaches the encoder: its trainer's source never touches captions, object lists or questions. */
    @Test
    void theTrainerReadsNoLabels() throws Exception {
        Path src = Path.of("src/main/java/dev/tessera/engine/semantic");
        for (String file : List.of("SemanticTrainer.java", "ContrastiveLoss.java", "SemanticEncoder.java")) {
            String code = Files.readString(src.resolve(file));
            assertThat(code).as(file).doesNotContain(".caption(").doesNotContain("Question").doesNotContain(".colour()")
                    .doesNotContain(".shape()");
        }
        // the views read objects only to redraw them, with every attribute kept (SemanticViewsTest)
    }
}
