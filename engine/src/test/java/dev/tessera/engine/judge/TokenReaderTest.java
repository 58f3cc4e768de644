package dev.tessera.engine.judge;

import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.train.LossFalls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A judge that reads a tokenizer's ids with a transformer: the assessor's architecture. */
class TokenReaderTest {

    @TempDir
    Path dir;

    private static final JudgeConfig SMALL = new JudgeConfig(32, 0, 2, 16, 32, "fsq-shapes32", 1, 2);

    @Test
    void itReadsTheTokenizersIdsAndLearnsFromTheSameLossAsTheJudge() {
        new LossFalls(5, 10, 0.9).onlyWhenLearning(JudgeTrainingConfig.smoke().learningRate(), lr -> {
            try (SceneJudge reader = SceneJudge.create("tokens", SMALL, 2)) {
                assertThat(reader.toString()).contains("reads fsq-shapes32 ids");
                return new JudgeTrainer(reader, JudgeTrainingConfig.smoke().withSteps(40).withLearningRate(lr)).run().loss();
            }
        });
    }

    @Test
    void aRoundTripGivesBitIdenticalVerdictsAndTheConfigSaysWhatItReads() {
        List<RgbImage> imgs = new SceneGenerator(new SceneConfig(32, 1, 4, 5)).scenes(0, 6).stream().map(s -> s.image()).toList();
        Path folder = dir.resolve("assessor");
        try (SceneJudge a = SceneJudge.create("assessor", SMALL, 3)) {
            new JudgeTrainer(a, JudgeTrainingConfig.smoke().withSteps(3)).run();
            assertThat(a.judge(imgs)).hasSize(6);
            JudgeCheckpoint.save(a, folder, Map.of());
            try (SceneJudge b = JudgeCheckpoint.load(folder)) {
                assertThat(b.config()).isEqualTo(SMALL);
                assertThat(b.judge(imgs)).isEqualTo(a.judge(imgs));
            }
        }
        assertThat(folder.resolve("config.json")).content().contains("\"reads\" : \"fsq-shapes32\"");
    }

    @Test
    void aTokenizerOfAnotherGridOrAResidualOneIsRefused() {
        assertThatThrownBy(() -> SceneJudge.create("x", new JudgeConfig(32, 0, 1, 16, 32, "fsq-shapes32", 1, 2), 1))
                .hasMessageContaining("16x16 grid").hasMessageContaining("8x8x1");
        assertThatThrownBy(() -> SceneJudge.create("x", new JudgeConfig(32, 0, 2, 16, 32, "rvq2-shapes32", 1, 2), 1))
                .hasMessageContaining("single-level");
        assertThatThrownBy(() -> new JudgeConfig(32, 8, 2, 16, 32, "fsq-shapes32", 1, 2)).hasMessageContaining("channels 0");
        assertThatThrownBy(() -> new JudgeConfig(32, 0, 2, 16, 32, "fsq-shapes32", 1, 3)).hasMessageContaining("divide");
    }
}
