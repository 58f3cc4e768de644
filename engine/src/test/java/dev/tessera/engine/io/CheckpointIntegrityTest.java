package dev.tessera.engine.io;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tessera.engine.judge.JudgeCheckpoint;
import dev.tessera.engine.judge.JudgeConfig;
import dev.tessera.engine.judge.SceneJudge;
import dev.tessera.engine.quantize.VqConfig;
import dev.tessera.engine.tokenize.GridTokenizer;
import dev.tessera.engine.tokenize.TokenizerCheckpoint;
import dev.tessera.engine.tokenize.TokenizerConfig;
import dev.tessera.engine.unified.UnifiedCheckpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.tessera.engine.io.CheckpointFixtures.copyShipped;
import static dev.tessera.engine.io.CheckpointFixtures.editConfig;
import static dev.tessera.engine.io.CheckpointFixtures.editProvenance;
import static dev.tessera.engine.io.CheckpointFixtures.flipLastFloat;
import static dev.tessera.engine.io.CheckpointFixtures.stderrOf;
import static dev.tessera.engine.io.CheckpointFixtures.truncate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A checkpoint loads only as it was written: {@code provenance.json} records the SHA-256 of
 * every other file, and loading refuses a changed, truncated, swapped, missing or unrecorded file
 * with a message naming the file and the fix; configs are read strictly and never by class name.
 */
class CheckpointIntegrityTest {

    @TempDir
    Path dir;

    private Path tokenizer(String name, TokenizerConfig config) {
        Path folder = dir.resolve(name);
        try (GridTokenizer t = GridTokenizer.create(name, config, 1)) {
            TokenizerCheckpoint.save(t, folder, Map.of("note", "test"));
        }
        return folder;
    }

    private Path tokenizer() {
        return tokenizer("tok", TokenizerConfig.tiny());
    }

    private static void loads(Path folder) {
        TokenizerCheckpoint.load(folder).close();
    }

    @Test
    void theWriterRecordsTheHashOfEveryOtherFile() throws Exception {
        Path folder = tokenizer();
        Map<String, Object> p = CheckpointFixtures.provenance(folder);
        assertThat(p).containsEntry("note", "test");
        assertThat(CheckpointHashes.recorded(p, "t")).containsOnlyKeys("config.json", "weights.params")
                .isEqualTo(CheckpointHashes.of(folder));
        assertThat(List.copyOf(p.keySet())).last().isEqualTo(CheckpointHashes.KEY);
        FileHash w = CheckpointHashes.of(folder).get("weights.params");
        assertThat(w.bytes()).isEqualTo(Files.size(folder.resolve("weights.params")));
        assertThat(w.sha256()).hasSize(64);
        loads(folder);
    }

    @Test
    void stampReplacesARecordCopiedFromAnotherCheckpoint() throws Exception {
        Path folder = tokenizer();
        Map<String, Object> stale = new java.util.LinkedHashMap<>(CheckpointFixtures.provenance(folder));
        stale.put(CheckpointHashes.KEY, Map.of("config.json", Map.of("sha256", "0".repeat(64), "bytes", 1)));
        assertThat(CheckpointHashes.recorded(CheckpointHashes.stamp(stale, folder), "t")).isEqualTo(CheckpointHashes.of(folder));
    }

    @Test
    void oneChangedFloatInTheWeightsIsRefused() throws Exception {
        Path folder = tokenizer();
        flipLastFloat(folder.resolve("weights.params"));
        assertThatThrownBy(() -> loads(folder)).isInstanceOf(CheckpointIntegrityException.class)
                .hasMessageContaining(folder + "/weights.params has changed since the checkpoint was written")
                .hasMessageContaining("Copy the whole checkpoint folder again");
        // without the record the same file loads: its shapes are right, only the hashes catch it
        editProvenance(folder, p -> p.remove(CheckpointHashes.KEY));
        stderrOf(() -> loads(folder));
    }

    @Test
    void aTruncatedFileIsRefusedAsCutShort() throws Exception {
        Path folder = tokenizer();
        truncate(folder.resolve("weights.params"));
        assertThatThrownBy(() -> loads(folder)).isInstanceOf(CheckpointIntegrityException.class)
                .hasMessageContaining("weights.params has changed since the checkpoint was written: it is ")
                .hasMessageContaining("cut short (an interrupted copy or download)");
    }

    @Test
    void aMissingFileIsRefusedByName() throws Exception {
        Path folder = tokenizer();
        Files.delete(folder.resolve("weights.params"));
        assertThatThrownBy(() -> loads(folder)).isInstanceOf(CheckpointIntegrityException.class)
                .hasMessageContaining(folder + "/weights.params is missing, though the checkpoint was written with it")
                .hasMessageContaining("Copy the whole checkpoint folder again");
    }

    @Test
    void aConfigSwappedInFromAnotherCheckpointIsRefused() throws Exception {
        Path a = tokenizer("a", TokenizerConfig.tiny());
        Path b = tokenizer("b", TokenizerConfig.tiny().withQuantizer(VqConfig.tiny().withCodebookSize(32)));
        Files.copy(b.resolve("config.json"), a.resolve("config.json"), StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> loads(a)).isInstanceOf(CheckpointIntegrityException.class)
                .hasMessageContaining(a + "/config.json has changed").hasMessageContaining("swapped in from another checkpoint");
        // an older checkpoint without hashes: the shapes give it away, still in one clear line
        editProvenance(a, p -> p.remove(CheckpointHashes.KEY));
        String err = stderrOf(() -> assertThatThrownBy(() -> loads(a)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weights.params does not match its config.json")
                .hasMessageContaining("the folder mixes files of different checkpoints"));
        assertThat(err).contains("records no file hashes");
    }

    @Test
    void aShippedPresetsConfigSwappedIntoAnotherIsRefused() throws Exception {
        Path folder = copyShipped("vq-shapes64", dir.resolve("vq64"), "config.json", "weights.params", "provenance.json");
        loads(folder);
        Files.delete(folder.resolve("config.json"));
        copyShipped("vq-shapes32", folder, "config.json");
        assertThatThrownBy(() -> loads(folder)).isInstanceOf(CheckpointIntegrityException.class)
                .hasMessageContaining("config.json has changed since the checkpoint was written");
    }

    @Test
    void aConfigWithAnUnknownFieldIsRefused() throws Exception {
        Path top = tokenizer("top", TokenizerConfig.tiny());
        editConfig(top, c -> c.put("learningRate", 0.1));
        assertThatThrownBy(() -> loads(top)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(top + "/config.json is not a valid Tessera tokenizer config")
                .hasMessageContaining("Unrecognized field \"learningRate\"")
                .hasMessageContaining("restore the config.json");
        Path nested = tokenizer("nested", TokenizerConfig.tiny());
        editConfig(nested, c -> ((ObjectNode) c.get("config").get("quantizer")).put("codebookSzie", 64));
        assertThatThrownBy(() -> loads(nested)).hasMessageContaining("Unrecognized field \"codebookSzie\"");
    }

    @Test
    void aConfigGivingAFieldTwiceOrTrailingTextIsRefused() throws Exception {
        Path twice = tokenizer("twice", TokenizerConfig.tiny());
        Path config = twice.resolve("config.json");
        Files.writeString(config, Files.readString(config).replaceFirst("\"kind\" : \"grid\",",
                "\"kind\" : \"grid\", \"kind\" : \"cluster\","));
        CheckpointFixtures.rehash(twice);
        assertThatThrownBy(() -> loads(twice)).hasMessageContaining("Duplicate field 'kind'");
        Path trailing = tokenizer("trailing", TokenizerConfig.tiny());
        Files.writeString(trailing.resolve("config.json"), Files.readString(trailing.resolve("config.json")) + " {}");
        CheckpointFixtures.rehash(trailing);
        assertThatThrownBy(() -> loads(trailing)).hasMessageContaining("Trailing token");
    }

    @Test
    void aConfigNamingAClassOrAnUnknownKindIsRefused() throws Exception {
        Path atClass = tokenizer("at-class", TokenizerConfig.tiny());
        editConfig(atClass, c -> ((ObjectNode) c.get("config")).put("@class", "java.lang.ProcessBuilder"));
        assertThatThrownBy(() -> loads(atClass)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unrecognized field \"@class\"");
        Path quantizerClass = tokenizer("quantizer-class", TokenizerConfig.tiny());
        editConfig(quantizerClass, c -> ((ObjectNode) c.get("config").get("quantizer")).put("kind", "java.lang.Runtime"));
        assertThatThrownBy(() -> loads(quantizerClass)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Runtime").hasMessageContaining("known type ids = [fsq, rvq, vq]");
        Path tokenizerKind = tokenizer("kind", TokenizerConfig.tiny());
        editConfig(tokenizerKind, c -> c.put("kind", "java.lang.Runtime"));
        assertThatThrownBy(() -> loads(tokenizerKind)).hasMessageContaining("unknown tokenizer kind 'java.lang.Runtime'")
                .hasMessageContaining("known: grid, cluster");
    }

    @Test
    void jsonIsNeverReadByClassName() throws Exception {
        var mapper = Json.mapper();
        assertThat(mapper.getDeserializationConfig().getDefaultTyper(mapper.constructType(Object.class))).isNull();
        assertThat(mapper.getSerializationConfig().getDefaultTyper(mapper.constructType(Object.class))).isNull();
        // every polymorphic type of the engine chooses its subtype by a fixed name
        Path classes = Path.of(Json.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> polymorphic = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name, false, Json.class.getClassLoader());
                JsonTypeInfo info = c.getAnnotation(JsonTypeInfo.class);
                if (info != null) {
                    polymorphic.add(c.getSimpleName());
                    assertThat(info.use()).as(name).isEqualTo(JsonTypeInfo.Id.NAME);
                }
            }
        }
        assertThat(polymorphic).containsExactly("QuantizerConfig");
    }

    @Test
    void aCheckpointWithoutHashesLoadsWithOneWarningLine() throws Exception {
        Path folder = tokenizer("old", TokenizerConfig.tiny());
        editProvenance(folder, p -> p.remove(CheckpointHashes.KEY));
        String err = stderrOf(() -> {
            loads(folder);
            loads(folder);
        });
        assertThat(err.lines().toList()).singleElement().asString()
                .contains(folder + " records no file hashes").contains("loading it without an integrity check");
        Path noProvenance = tokenizer("older", TokenizerConfig.tiny());
        Files.delete(noProvenance.resolve("provenance.json"));
        assertThat(stderrOf(() -> loads(noProvenance))).contains("records no file hashes");
    }

    @Test
    void aFileTheRecordDoesNotListIsRefused() throws Exception {
        Path folder = tokenizer();
        editProvenance(folder, p -> ((Map<?, ?>) p.get(CheckpointHashes.KEY)).remove("weights.params"));
        assertThatThrownBy(() -> loads(folder)).isInstanceOf(CheckpointIntegrityException.class)
                .hasMessageContaining("weights.params is not among the files provenance.json records");
    }

    @Test
    void aMalformedRecordOrProvenanceIsRefused() throws Exception {
        Path folder = tokenizer();
        editProvenance(folder, p -> p.put(CheckpointHashes.KEY, Map.of("weights.params", Map.of("sha256", "abc"))));
        assertThatThrownBy(() -> loads(folder)).isInstanceOf(CheckpointIntegrityException.class)
                .hasMessageContaining("malformed \"files\" record");
        Files.writeString(folder.resolve("provenance.json"), "{ not json");
        assertThatThrownBy(() -> loads(folder)).isInstanceOf(CheckpointIntegrityException.class)
                .hasMessageContaining("provenance.json is not valid JSON");
    }

    @Test
    void aJudgeWithAChangedWeightIsRefused() throws Exception {
        Path folder = dir.resolve("judge");
        try (SceneJudge j = SceneJudge.create("j", JudgeConfig.tiny(), 1)) {
            JudgeCheckpoint.save(j, folder, Map.of());
        }
        assertThat(CheckpointHashes.recorded(CheckpointFixtures.provenance(folder), "j"))
                .containsOnlyKeys("config.json", "weights.params");
        JudgeCheckpoint.load(folder).close();
        flipLastFloat(folder.resolve("weights.params"));
        assertThatThrownBy(() -> JudgeCheckpoint.load(folder)).isInstanceOf(CheckpointIntegrityException.class)
                .hasMessageContaining("weights.params has changed");
    }

    @Test
    void everyShippedCheckpointRecordsTheHashesOfItsFiles() throws Exception {
        List<String> names = new ArrayList<>(TokenizerCheckpoint.SHIPPED);
        names.addAll(JudgeCheckpoint.SHIPPED);
        names.addAll(dev.tessera.engine.semantic.SemanticCheckpoint.SHIPPED);
        for (String name : names) {
            assertThat(recordMatchesResources(name, List.of("config.json", "weights.params"))).as(name).isTrue();
            // the check passes before any model is built
            CheckpointFolder.Reader<String> source = (c, w, where) -> where;
            assertThat(CheckpointFolder.readShipped(name, source)).isEqualTo("shipped:" + name);
        }
        assertThat(recordMatchesResources(UnifiedCheckpoint.DEFAULT,
                List.of("config.json", "history.json", "model.params", "text-tokenizer.json", "words.json"))).isTrue();
    }

    private static boolean recordMatchesResources(String name, List<String> files) throws Exception {
        Map<String, FileHash> recorded = CheckpointHashes.recorded(CheckpointFolder.shippedProvenance(name), name);
        assertThat(recorded).as(name).containsOnlyKeys(files);
        for (String f : files) {
            try (var in = CheckpointFolder.class.getResourceAsStream(CheckpointFolder.RESOURCE_ROOT + name + "/" + f)) {
                assertThat(FileHash.of(in.readAllBytes())).as(name + "/" + f).isEqualTo(recorded.get(f));
            }
        }
        return true;
    }

    @Test
    void aShippedCheckpointWithoutHashesWouldBeRefused() {
        assertThatThrownBy(() -> CheckpointHashes.unrecorded("shipped:x", true)).isInstanceOf(CheckpointIntegrityException.class)
                .hasMessageContaining("shipped:x records no file hashes").hasMessageContaining("reinstall or rebuild Tessera");
    }

    @Test
    void fileHashesAreValidated() {
        assertThatThrownBy(() -> new FileHash("ABC", 1)).hasMessageContaining("64 lower-case hex digits");
        assertThatThrownBy(() -> new FileHash("0".repeat(64), -1)).hasMessageContaining(">= 0");
        assertThat(FileHash.of(new byte[0]).sha256())
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
