package dev.tessera.engine.unified;

import dev.tessera.engine.io.CheckpointFixtures;
import dev.tessera.engine.io.CheckpointHashes;
import dev.tessera.engine.io.CheckpointIntegrityException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A unified checkpoint records the hashes of all its files, optimizer state and text tokenizer
 * included; loading checks them and so does every resume.
 */
class UnifiedCheckpointIntegrityTest {

    @TempDir
    static Path shared;
    static Path written;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainTwoSteps() {
        written = shared.resolve("run");
        try (UnifiedModel model = UnifiedModel.create(UnifiedConfig.tiny(), 2);
             UnifiedTrainer t = new UnifiedTrainer(model, UnifiedTrainerTest.SHORT.withSteps(2))) {
            t.checkpointTo(written, Map.of("test", true)).run();
        }
    }

    private Path copy() throws Exception {
        return copy("copy");
    }

    private Path copy(String name) throws Exception {
        Path folder = Files.createDirectory(dir.resolve(name));
        try (var files = Files.list(written)) {
            for (Path f : files.toList()) {
                Files.copy(f, folder.resolve(f.getFileName()));
            }
        }
        return folder;
    }

    @Test
    void everyFileIsRecordedIncludingTheOptimizerAndTheTextTokenizer() throws Exception {
        Map<String, Object> p = UnifiedCheckpoint.provenance(written);
        assertThat(CheckpointHashes.recorded(p, "run")).containsOnlyKeys("config.json", "history.json", "model.params",
                "optimizer.params", "text-tokenizer.json", "words.json").isEqualTo(CheckpointHashes.of(written));
        try (UnifiedModel m = UnifiedCheckpoint.load(written).model()) {
            assertThat(m.words()).isNotEmpty();
        }
    }

    @Test
    void aChangedWeightIsRefused() throws Exception {
        Path folder = copy();
        CheckpointFixtures.flipLastFloat(folder.resolve("model.params"));
        assertThatThrownBy(() -> UnifiedCheckpoint.load(folder)).isInstanceOf(CheckpointIntegrityException.class)
                .hasMessageContaining(folder + "/model.params has changed since the checkpoint was written");
    }

    @Test
    void aChangedTextTokenizerIsRefused() throws Exception {
        Path folder = copy();
        Path tok = folder.resolve("text-tokenizer.json");
        Files.writeString(tok, Files.readString(tok).replaceFirst("\"", "\" "));
        assertThatThrownBy(() -> UnifiedCheckpoint.load(folder)).isInstanceOf(CheckpointIntegrityException.class)
                .hasMessageContaining("text-tokenizer.json has changed");
    }

    @Test
    void aTruncatedHistoryIsRefused() throws Exception {
        Path folder = copy();
        CheckpointFixtures.truncate(folder.resolve("history.json"));
        assertThatThrownBy(() -> UnifiedCheckpoint.load(folder)).isInstanceOf(CheckpointIntegrityException.class)
                .hasMessageContaining("history.json has changed").hasMessageContaining("cut short");
    }

    @Test
    void theShippedConfigSwappedInIsRefusedNotADjlError() throws Exception {
        Path folder = copy();
        try (var in = UnifiedCheckpoint.class.getResourceAsStream(UnifiedCheckpoint.RESOURCE_ROOT + UnifiedCheckpoint.DEFAULT
                + "/config.json")) {
            Files.copy(in, folder.resolve("config.json"), StandardCopyOption.REPLACE_EXISTING);
        }
        assertThatThrownBy(() -> UnifiedCheckpoint.load(folder)).isInstanceOf(CheckpointIntegrityException.class)
                .hasMessageContaining("config.json has changed");
    }

    @Test
    void aConfigWithAnUnknownFieldIsRefused() throws Exception {
        Path folder = copy();
        CheckpointFixtures.editConfig(folder, c -> c.put("@class", "java.lang.ProcessBuilder"));
        assertThatThrownBy(() -> UnifiedCheckpoint.load(folder)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a unified checkpoint manifest").hasMessageContaining("Unrecognized field \"@class\"");
    }

    @Test
    void resumingRefusesAChangedOptimizerState() throws Exception {
        Path folder = copy();
        CheckpointFixtures.flipLastFloat(folder.resolve("optimizer.params"));
        UnifiedCheckpoint.Loaded loaded = UnifiedCheckpoint.load(folder);
        try (UnifiedModel m = loaded.model()) {
            assertThatThrownBy(() -> UnifiedTrainer.resume(loaded, loaded.training()))
                    .isInstanceOf(CheckpointIntegrityException.class)
                    .hasMessageContaining(folder + "/optimizer.params has changed");
        }
    }

    @Test
    void aResumedRunRecordsTheHashesOfItsOwnFiles() throws Exception {
        Path folder = copy();
        UnifiedCheckpoint.Loaded loaded = UnifiedCheckpoint.load(folder);
        // as train-unified does on resume, the old provenance is passed on, "files" record and all (here a stale one)
        Map<String, Object> provenance = new java.util.LinkedHashMap<>(UnifiedCheckpoint.provenance(folder));
        provenance.put(CheckpointHashes.KEY, Map.of("config.json", Map.of("sha256", "0".repeat(64), "bytes", 1)));
        try (UnifiedModel m = loaded.model(); UnifiedTrainer t = UnifiedTrainer.resume(loaded, loaded.training())) {
            t.checkpointTo(folder, provenance).run();
        }
        assertThat(CheckpointHashes.recorded(UnifiedCheckpoint.provenance(folder), "copy"))
                .isEqualTo(CheckpointHashes.of(folder));
        UnifiedCheckpoint.load(folder).model().close();
    }

    @Test
    void resultsRecordedIntoTheProvenanceLaterKeepTheCheckpointLoadable() throws Exception {
        Path folder = copy();
        UnifiedCheckpoint.record(folder, "heldOut", Map.of("answerAccuracy", 0.5));
        assertThat(UnifiedCheckpoint.provenance(folder)).containsKeys("heldOut", CheckpointHashes.KEY);
        UnifiedCheckpoint.load(folder).model().close();
    }

    @Test
    void anOlderCheckpointWithoutHashesStillLoadsAndResumes() throws Exception {
        Path folder = copy();
        CheckpointFixtures.editProvenance(folder, p -> p.remove(CheckpointHashes.KEY));
        String err = CheckpointFixtures.stderrOf(() -> {
            UnifiedCheckpoint.Loaded loaded = UnifiedCheckpoint.load(folder);
            try (UnifiedModel m = loaded.model(); UnifiedTrainer t = UnifiedTrainer.resume(loaded, loaded.training())) {
                assertThat(t.step()).isEqualTo(2);
            }
        });
        assertThat(err.lines().toList()).singleElement().asString().contains("records no file hashes");
    }

    @Test
    void theShippedModelLoadsWithItsHashesChecked() {
        UnifiedCheckpoint.Loaded loaded = UnifiedCheckpoint.pretrained(UnifiedCheckpoint.DEFAULT);
        try (UnifiedModel m = loaded.model()) {
            assertThat(m.words()).isNotEmpty();
        }
    }
}
