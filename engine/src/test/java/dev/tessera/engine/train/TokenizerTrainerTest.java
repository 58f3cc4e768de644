package dev.tessera.engine.train;

import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.tokenize.TokenizerCheckpoint;
import dev.tessera.engine.tokenize.TokenizerConfig;
import dev.tessera.engine.tokenize.GridTokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenizerTrainerTest {

    @TempDir
    Path dir;

    @Test
    void reconstructionLossFallsOnATinyConfigOnlyWhenItLearns() {
        new LossFalls(5, 10, 0.6).onlyWhenLearning(TokenizerTrainingConfig.smoke().learningRate(), lr -> {
            try (GridTokenizer t = GridTokenizer.create("tiny", TokenizerConfig.tiny(), 2)) {
                List<TrainingProgress> seen = new ArrayList<>();
                TokenizerTrainingResult r = new TokenizerTrainer(t, TokenizerTrainingConfig.smoke().withLearningRate(lr),
                        SceneConfig.scenes64(0).withSize(16)).listener(seen::add).run();
                assertThat(r.stepsDone()).isEqualTo(40);
                assertThat(r.interrupted()).isFalse();
                assertThat(r.skippedSteps()).isZero();
                assertThat(seen).hasSize(40);
                assertThat(seen.get(39).fraction()).isEqualTo(1.0);
                assertThat(seen).allSatisfy(p -> assertThat(p.skippedSteps()).isZero());
                return r.reconstructionLoss();
            }
        });
    }

    @Test
    void codebookHealthIsTheShareOfCodesUsedAndThePerplexityAveragedOverLevels() {
        try (ai.djl.ndarray.NDManager m = dev.tessera.engine.runtime.TesseraRuntime.newManager()) {
            // level 1: codes 0 and 2 used twice each (half the codes, perplexity 2); level 2: all four once (perplexity 4)
            ai.djl.ndarray.NDArray usage = m.create(new float[] {2, 0, 2, 0, 1, 1, 1, 1}, new ai.djl.ndarray.types.Shape(2, 4));
            double[] h = TokenizerTrainer.health(usage);
            assertThat(h[0]).isCloseTo((0.5 + 1.0) / 2, org.assertj.core.api.Assertions.within(1e-12));
            assertThat(h[1]).isCloseTo((2.0 + 4.0) / 2, org.assertj.core.api.Assertions.within(1e-9));
        }
    }

    @Test
    void everyStepReportsItsLossesAndTheCodebooksHealth() {
        try (GridTokenizer t = GridTokenizer.create("tiny", TokenizerConfig.tiny(), 2)) {
            List<TrainingProgress> seen = new ArrayList<>();
            new TokenizerTrainer(t, TokenizerTrainingConfig.smoke().withSteps(6), SceneConfig.scenes64(0).withSize(16))
                    .listener(seen::add).run();
            int k = t.codebookSize();
            assertThat(seen).hasSize(6).allSatisfy(p -> {
                assertThat(p.parts()).containsOnlyKeys(TokenizerTrainer.RECONSTRUCTION, TokenizerTrainer.QUANTIZER,
                        TokenizerTrainer.CODES_USED, TokenizerTrainer.PERPLEXITY);
                assertThat(p.parts().get(TokenizerTrainer.CODES_USED)).isBetween(1.0 / k, 1.0);
                assertThat(p.parts().get(TokenizerTrainer.PERPLEXITY)).isBetween(1.0, (double) k);
                assertThat(p.loss()).isEqualTo(p.parts().get(TokenizerTrainer.RECONSTRUCTION)
                        + p.parts().get(TokenizerTrainer.QUANTIZER));
            });
        }
    }

    @Test
    void aStopRequestEndsAtAStepBoundaryAndKeepsACheckpoint() {
        Path folder = dir.resolve("ckpt");
        TrainingStop stop = new TrainingStop();
        try (GridTokenizer t = GridTokenizer.create("tiny", TokenizerConfig.tiny(), 2)) {
            TokenizerTrainingResult r = new TokenizerTrainer(t, TokenizerTrainingConfig.smoke(),
                    SceneConfig.scenes64(0).withSize(16))
                    .listener(p -> {
                        if (p.step() == 7) {
                            stop.request();
                        }
                    })
                    .stop(stop).checkpointTo(folder, Map.of("test", true)).run();
            assertThat(r.stepsDone()).isEqualTo(7);
            assertThat(r.interrupted()).isTrue();
        }
        try (GridTokenizer back = TokenizerCheckpoint.load(folder, GridTokenizer.class)) {
            assertThat(back.name()).isEqualTo("tiny");
        }
    }

    @Test
    void trainingRunsAreReproducibleFromTheSeed() {
        List<Double> a;
        List<Double> b;
        TokenizerTrainingConfig cfg = TokenizerTrainingConfig.smoke().withSteps(6);
        try (GridTokenizer t = GridTokenizer.create("tiny", TokenizerConfig.tiny(), 4)) {
            a = new TokenizerTrainer(t, cfg, SceneConfig.scenes64(0).withSize(16)).run().reconstructionLoss();
        }
        try (GridTokenizer t = GridTokenizer.create("tiny", TokenizerConfig.tiny(), 4)) {
            b = new TokenizerTrainer(t, cfg, SceneConfig.scenes64(0).withSize(16)).run().reconstructionLoss();
        }
        // one thread (surefire's TESSERA_THREADS=1): the same seed gives the same losses bit for bit
        assertThat(b).isEqualTo(a);
    }

    @Test
    void aDivergedTrainingStopsWithoutTouchingTheLastCheckpoint() throws Exception {
        Path folder = dir.resolve("ckpt");
        try (GridTokenizer t = GridTokenizer.create("tiny", TokenizerConfig.tiny(), 2)) {
            TokenizerCheckpoint.save(t, folder, Map.of("state", "good"));
            byte[] before = java.nio.file.Files.readAllBytes(folder.resolve("weights.params"));
            // poison one weight: the first loss is NaN
            ai.djl.ndarray.NDArray w = t.model().getBlock().getParameters().get(0).getValue().getArray();
            w.set(new ai.djl.ndarray.index.NDIndex("0"), Float.NaN);
            TokenizerTrainer trainer = new TokenizerTrainer(t, TokenizerTrainingConfig.smoke(),
                    SceneConfig.scenes64(0).withSize(16)).checkpointTo(folder, Map.of());
            assertThatThrownBy(trainer::run).isInstanceOf(TrainingDivergedException.class)
                    .hasMessageContaining("diverged at step 1").hasMessageContaining("lower the learning rate");
            assertThat(java.nio.file.Files.readAllBytes(folder.resolve("weights.params"))).isEqualTo(before);
        }
        try (GridTokenizer back = TokenizerCheckpoint.load(folder, GridTokenizer.class)) {
            assertThat(back.name()).isEqualTo("tiny");
        }
    }

    @Test
    void mismatchedSceneSizeIsRejected() {
        try (GridTokenizer t = GridTokenizer.create("tiny", TokenizerConfig.tiny(), 2)) {
            assertThatThrownBy(() -> new TokenizerTrainer(t, TokenizerTrainingConfig.smoke(), SceneConfig.scenes64(0)))
                    .hasMessageContaining("withSize(16)");
        }
    }
}
