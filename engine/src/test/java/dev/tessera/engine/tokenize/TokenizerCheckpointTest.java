package dev.tessera.engine.tokenize;

import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.quantize.VqConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenizerCheckpointTest {

    @TempDir
    Path dir;

    @Test
    void saveThenLoadIsBitIdentical() throws Exception {
        Path folder = dir.resolve("ckpt");
        RgbImage img = new SceneGenerator(SceneConfig.scenes64(4).withSize(16)).scene(2).image();
        try (GridTokenizer a = GridTokenizer.create("round-trip", TokenizerConfig.tiny(), 5)) {
            TokenizerCheckpoint.save(a, folder, Map.of("note", "test"));
            try (GridTokenizer b = TokenizerCheckpoint.load(folder, GridTokenizer.class)) {
                assertThat(b.name()).isEqualTo("round-trip");
                assertThat(b.config()).isEqualTo(a.config());
                var pa = a.block().getParameters();
                var pb = b.block().getParameters();
                assertThat(pb.size()).isEqualTo(pa.size());
                for (int i = 0; i < pa.size(); i++) {
                    Pair<String, Parameter> x = pa.get(i);
                    assertThat(pb.get(i).getKey()).isEqualTo(x.getKey());
                    assertThat(pb.get(i).getValue().getArray().toFloatArray())
                            .as(x.getKey()).containsExactly(x.getValue().getArray().toFloatArray());
                }
                assertThat(b.encode(img)).isEqualTo(a.encode(img));
                assertThat(b.decode(b.encode(img))).isEqualTo(a.decode(a.encode(img)));
            }
            // saving again into the same folder replaces it whole and leaves no temp folders
            TokenizerCheckpoint.save(a, folder, Map.of());
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("ckpt");
        }
    }

    @Test
    void weightsOfAnotherConfigAreRefusedWithAClearMessage() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        try (GridTokenizer t = GridTokenizer.create("a", TokenizerConfig.tiny(), 1);
             GridTokenizer u = GridTokenizer.create("b", TokenizerConfig.tiny().withQuantizer(
                     VqConfig.tiny().withCodebookSize(32)), 1)) {
            TokenizerCheckpoint.save(t, a, Map.of());
            TokenizerCheckpoint.save(u, b, Map.of());
        }
        Files.copy(b.resolve("weights.params"), a.resolve("weights.params"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        // the recorded hashes catch the swap first; without them the shapes do
        assertThatThrownBy(() -> TokenizerCheckpoint.load(a)).hasMessageContaining("weights.params has changed");
        dev.tessera.engine.io.CheckpointFixtures.editProvenance(a, p -> p.remove("files"));
        assertThatThrownBy(() -> TokenizerCheckpoint.load(a)).hasMessageContaining("does not match its config.json");
    }

    @Test
    void aMissingFolderNamesWhatACheckpointHolds() {
        assertThatThrownBy(() -> TokenizerCheckpoint.load(dir.resolve("nope")))
                .hasMessageContaining("config.json and weights.params");
    }

    @Test
    void anUnknownShippedNameListsTheShippedOnes() {
        assertThatThrownBy(() -> TokenizerCheckpoint.pretrained("nope")).hasMessageContaining(TokenizerCheckpoint.DEFAULT);
    }
}
