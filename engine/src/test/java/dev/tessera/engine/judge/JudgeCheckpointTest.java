package dev.tessera.engine.judge;

import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.tokenize.GridTokenizer;
import dev.tessera.engine.tokenize.TokenizerCheckpoint;
import dev.tessera.engine.tokenize.TokenizerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JudgeCheckpointTest {

    @TempDir
    Path dir;

    @Test
    void aRoundTripGivesBitIdenticalVerdictProbabilities() {
        Path folder = dir.resolve("judge");
        List<RgbImage> imgs = new SceneGenerator(new SceneConfig(16, 1, 4, 5)).scenes(0, 6).stream()
                .map(s -> s.image()).toList();
        try (SceneJudge a = SceneJudge.create("round-trip", JudgeConfig.tiny(), 3)) {
            new JudgeTrainer(a, JudgeTrainingConfig.smoke().withSteps(5)).run();
            JudgeCheckpoint.save(a, folder, Map.of("note", "test"));
            try (SceneJudge b = JudgeCheckpoint.load(folder)) {
                assertThat(b.name()).isEqualTo("round-trip");
                assertThat(b.config()).isEqualTo(a.config());
                // records compare their Double probabilities with equals: bit for bit
                assertThat(b.judge(imgs)).isEqualTo(a.judge(imgs));
            }
        }
        assertThat(folder.resolve("provenance.json")).content().contains("\"note\" : \"test\"");
    }

    @Test
    void aTokenizerFolderIsNotAJudge() {
        Path folder = dir.resolve("tok");
        try (GridTokenizer t = GridTokenizer.create("tiny", TokenizerConfig.tiny(), 1)) {
            TokenizerCheckpoint.save(t, folder, Map.of());
        }
        assertThatThrownBy(() -> JudgeCheckpoint.load(folder)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a judge checkpoint")
                .hasMessageContaining("'tessera-tokenizer' checkpoint")
                .hasMessageContaining("TokenizerCheckpoint.load");
    }

    @Test
    void aFolderWithoutCheckpointFilesNamesWhatIsMissing() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertThatThrownBy(() -> JudgeCheckpoint.load(empty)).hasMessageContaining("no judge checkpoint at")
                .hasMessageContaining("config.json and weights.params");
    }

    @Test
    void aConfigWithoutAFormatIsRefused() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("other"));
        Files.writeString(folder.resolve("config.json"), "{\"hello\": 1}");
        Files.writeString(folder.resolve("weights.params"), "");
        assertThatThrownBy(() -> JudgeCheckpoint.load(folder)).hasMessageContaining("names no checkpoint format");
    }

    @Test
    void weightsOfAnotherArchitectureAreRefused() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        try (SceneJudge x = SceneJudge.create("a", JudgeConfig.tiny(), 1);
             SceneJudge y = SceneJudge.create("b", new JudgeConfig(16, 8, 2, 8, 24), 1)) {
            JudgeCheckpoint.save(x, a, Map.of());
            JudgeCheckpoint.save(y, b, Map.of());
        }
        Files.copy(b.resolve("weights.params"), a.resolve("weights.params"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        // the recorded hashes catch the swap first; without them the shapes do
        assertThatThrownBy(() -> JudgeCheckpoint.load(a)).hasMessageContaining("weights.params has changed");
        dev.tessera.engine.io.CheckpointFixtures.editProvenance(a, p -> p.remove("files"));
        assertThatThrownBy(() -> JudgeCheckpoint.load(a)).hasMessageContaining("does not match its config.json");
    }

    @Test
    void theShippedJudgeReadsHeldOutScenesAsItsProvenanceSays() {
        assertThat(JudgeCheckpoint.available()).containsExactly(JudgeCheckpoint.DEFAULT);
        try (SceneJudge judge = JudgeCheckpoint.pretrained(JudgeCheckpoint.DEFAULT)) {
            assertThat(judge.imageSize()).isEqualTo(32);
            JudgeReport r = JudgeEvaluation.evaluate(judge, JudgeEvaluation.heldOut(judge, 128));
            // provenance: 97.3% of 1024 held-out scenes all right, every head >= 97%
            assertThat(r.all()).isGreaterThan(0.93);
            assertThat(r.count()).isGreaterThan(0.97);
        }
        assertThat(JudgeCheckpoint.provenance(JudgeCheckpoint.DEFAULT)).containsKeys("command", "seed", "threads", "heldOut");
    }

    @Test
    void anUnknownShippedNameListsTheShippedOnes() {
        assertThatThrownBy(() -> JudgeCheckpoint.pretrained("nope")).hasMessageContaining("no shipped judge named 'nope'")
                .hasMessageContaining(JudgeCheckpoint.DEFAULT);
    }
}
