package dev.tessera.engine.semantic;

import ai.djl.MalformedModelException;
import dev.tessera.engine.io.CheckpointFolder;
import dev.tessera.engine.io.Json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Saves and loads {@link SemanticEncoder}s as checkpoint folders ({@code config.json},
 * {@code weights.params}, {@code provenance.json}, written atomically, hashes checked on load),
 * the layout of every Tessera checkpoint. The shipped one is {@value #SHAPES32}.
 */
public final class SemanticCheckpoint {

    /** The shipped encoder of 32 px scenes, the backbone of {@code sem-shapes32}. */
    public static final String SHAPES32 = dev.tessera.engine.tokenize.SemanticFeatures.SHIPPED_32;
    /** Every semantic encoder the project trains and ships. */
    public static final List<String> SHIPPED = List.of(SHAPES32);

    static final String FORMAT = "tessera-semantic-encoder";
    static final int VERSION = 1;

    /** Contents of {@code config.json}. */
    public record Manifest(String format, int version, String name, SemanticEncoderConfig config) {
    }

    private SemanticCheckpoint() {
    }

    /** Writes {@code encoder} to {@code folder}, replacing what was there only when all files are written. */
    public static void save(SemanticEncoder encoder, Path folder, Map<String, Object> provenance) {
        CheckpointFolder.write(folder, new Manifest(FORMAT, VERSION, encoder.name(), encoder.config()),
                encoder.model().getBlock(), provenance);
    }

    /** Loads the checkpoint folder at {@code folder}. */
    public static SemanticEncoder load(Path folder) {
        return CheckpointFolder.read(folder, "semantic encoder", SemanticCheckpoint::read);
    }

    /** Loads the shipped encoder {@code name}. */
    public static SemanticEncoder pretrained(String name) {
        SemanticEncoder e = CheckpointFolder.readShipped(name, SemanticCheckpoint::read);
        if (e == null) {
            throw new IllegalArgumentException("no shipped semantic encoder named '" + name + "' in this build (shipped: "
                    + SHIPPED.stream().filter(CheckpointFolder::isShipped).toList() + "); give a checkpoint folder written by "
                    + "train-semantic-encoder instead");
        }
        return e;
    }

    /** A checkpoint folder when {@code nameOrFolder} is one, else the shipped encoder of that name. */
    public static SemanticEncoder named(String nameOrFolder) {
        Path p = Path.of(nameOrFolder);
        return Files.isDirectory(p) ? load(p) : pretrained(nameOrFolder);
    }

    private static SemanticEncoder read(InputStream config, InputStream weights, String where) throws IOException {
        Manifest manifest;
        try {
            manifest = Json.mapper().readValue(config, Manifest.class);
            if (!FORMAT.equals(manifest.format()) || manifest.version() != VERSION) {
                throw new IllegalArgumentException("it is a '" + manifest.format() + "' v" + manifest.version()
                        + " file; this Tessera reads " + FORMAT + " v" + VERSION);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(where + "/config.json is not a valid semantic encoder config: "
                    + Json.problem(e) + "; restore the config.json this checkpoint was written with", e);
        }
        SemanticEncoder encoder = SemanticEncoder.create(manifest.name(), manifest.config(), 0);
        try {
            CheckpointFolder.loadWeights(encoder.model().getBlock(), encoder.model().getNDManager(), weights);
        } catch (MalformedModelException | IOException | RuntimeException e) {
            encoder.close();
            throw new IllegalArgumentException(where + "/weights.params does not match its config.json ("
                    + e.getMessage() + "); the folder mixes files of different checkpoints", e);
        }
        return encoder;
    }
}
