package dev.tessera.engine.io;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import dev.tessera.engine.runtime.TesseraRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckpointFolderTest {

    @TempDir
    Path dir;

    private static Model linear(int units, int seed) {
        TesseraRuntime.engine().setRandomSeed(seed);
        Model m = Model.newInstance("t", TesseraRuntime.device());
        m.setBlock(Linear.builder().setUnits(units).build());
        m.getBlock().initialize(m.getNDManager(), DataType.FLOAT32, new Shape(1, 3));
        return m;
    }

    private static void load(Model m, java.io.InputStream weights) throws java.io.IOException {
        try {
            CheckpointFolder.loadWeights(m.getBlock(), m.getNDManager(), weights);
        } catch (ai.djl.MalformedModelException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Test
    void writtenWeightsReadBackIntoAFreshBlock() throws Exception {
        Path folder = dir.resolve("ckpt");
        try (Model a = linear(2, 1); Model b = linear(2, 2)) {
            CheckpointFolder.write(folder, Map.of("format", "test"), a.getBlock(), Map.of("seed", 1));
            float[] want = a.getBlock().getParameters().get(0).getValue().getArray().toFloatArray();
            String config = CheckpointFolder.read(folder, "test", (c, w, where) -> {
                load(b, w);
                return new String(c.readAllBytes());
            });
            assertThat(config).contains("\"format\" : \"test\"");
            assertThat(b.getBlock().getParameters().get(0).getValue().getArray().toFloatArray()).containsExactly(want);
            assertThat(folder.resolve(CheckpointFolder.PROVENANCE)).content().contains("\"seed\" : 1");
        }
    }

    @Test
    void weightsOfAnotherShapeAreRefused() throws Exception {
        Path folder = dir.resolve("ckpt");
        try (Model a = linear(2, 1); Model b = linear(5, 1)) {
            CheckpointFolder.write(folder, Map.of(), a.getBlock(), Map.of());
            assertThatThrownBy(() -> CheckpointFolder.read(folder, "test", (c, w, where) -> {
                load(b, w);
                return null;
            })).hasMessageContaining("but the config needs");
        }
    }

    @Test
    void aMissingFolderNamesTheKindAndTheFiles() {
        assertThatThrownBy(() -> CheckpointFolder.read(dir.resolve("nope"), "judge", (c, w, where) -> null))
                .hasMessageContaining("no judge checkpoint at").hasMessageContaining("config.json and weights.params");
    }

    @Test
    void shippedCheckpointsAreFoundByName() {
        assertThat(CheckpointFolder.isShipped("vq-shapes64")).isTrue();
        assertThat(CheckpointFolder.isShipped("nope")).isFalse();
        CheckpointFolder.Reader<String> source = (c, w, where) -> where;
        assertThat(CheckpointFolder.readShipped("nope", source)).isNull();
        assertThat(CheckpointFolder.readShipped("vq-shapes64", source)).isEqualTo("shipped:vq-shapes64");
        assertThat(CheckpointFolder.shippedProvenance("vq-shapes64")).containsKey("command");
    }
}
