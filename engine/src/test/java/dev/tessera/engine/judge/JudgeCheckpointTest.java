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
             SceneJudge y = SceneJudge.create("b", new JudgeConfig(16, 8, 1, 8, 24), 1)) {
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
        assertThat(JudgeCheckpoint.available()).containsExactly(JudgeCheckpoint.DEFAULT, JudgeCheckpoint.ASSESSOR);
        try (SceneJudge judge = JudgeCheckpoint.pretrained(JudgeCheckpoint.DEFAULT)) {
            assertThat(judge.imageSize()).isEqualTo(32);
            JudgeReport r = JudgeEvaluation.evaluate(judge, JudgeEvaluation.heldOut(judge, 128));
            // provenance: 99.4% of 1024 held-out scenes all right, count and colours 100%, attribution 99.9%
            assertThat(r.all()).isGreaterThan(0.96);
            assertThat(r.count()).isGreaterThan(0.98);
            assertThat(r.attribution()).isGreaterThan(0.98);
            // a sharp square is a square, the generator's circle in its place a circle (provenance: 100% both)
            List<RoundedSquares.Point> rounded = RoundedSquares.measure(judge, 32);
            assertThat(rounded.get(0).square()).isGreaterThan(0.9);
            assertThat(rounded.get(rounded.size() - 1).circle()).isGreaterThan(0.9);
        }
        assertThat(JudgeCheckpoint.provenance(JudgeCheckpoint.DEFAULT)).containsKeys("command", "seed", "threads", "heldOut",
                "reconstructed", "roundedSquares");
    }

    @Test
    void theShippedAssessorReadsTokensAndHeldOutScenesAsItsProvenanceSays() {
        try (SceneJudge assessor = JudgeCheckpoint.pretrained(JudgeCheckpoint.ASSESSOR)) {
            assertThat(assessor.config().readsTokens()).isTrue();
            assertThat(assessor.config().reads()).isEqualTo("fsq-shapes32");
            JudgeReport r = JudgeEvaluation.evaluate(assessor, JudgeEvaluation.heldOut(assessor, 128));
            // provenance: 79.8% of 1024 held-out scenes all right, count 94.2%
            assertThat(r.all()).isGreaterThan(0.65);
            assertThat(r.count()).isGreaterThan(0.85);
        }
        assertThat(JudgeCheckpoint.provenance(JudgeCheckpoint.ASSESSOR)).containsKeys("command", "seed", "heldOut",
                "agreement");
    }

    @Test
    void aVersionOneSetClassifierIsRefusedWithTheWayForward() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("v1"));
        Files.writeString(folder.resolve("config.json"), "{\"format\":\"tessera-judge\",\"version\":1,\"name\":\"judge-shapes32\","
                + "\"config\":{\"imageSize\":32,\"channels\":32,\"downsamplings\":3,\"features\":16,\"hidden\":96}}");
        Files.writeString(folder.resolve("weights.params"), "");
        assertThatThrownBy(() -> JudgeCheckpoint.load(folder)).hasMessageContaining("tessera-judge v1 file; this Tessera reads v2")
                .hasMessageContaining("train-judge").hasMessageContaining(JudgeCheckpoint.DEFAULT);
    }

    @Test
    void anUnknownShippedNameListsTheShippedOnes() {
        assertThatThrownBy(() -> JudgeCheckpoint.pretrained("nope")).hasMessageContaining("no shipped judge named 'nope'")
                .hasMessageContaining(JudgeCheckpoint.DEFAULT);
    }
}
