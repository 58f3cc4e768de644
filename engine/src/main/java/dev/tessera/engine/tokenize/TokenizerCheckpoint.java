package dev.tessera.engine.tokenize;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.tessera.engine.io.AtomicDirectory;
import dev.tessera.engine.io.Json;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Saves and loads tokenizers. A checkpoint is a folder with {@code config.json} (the
 * resolved architecture, so loading rebuilds the same model), {@code weights.params} (DJL's
 * parameter format) and {@code provenance.json} (how it was made and what it measured).
 * Folders are written atomically ({@link AtomicDirectory}).
 *
 * <p>Shipped checkpoints live on the classpath under {@value #RESOURCE_ROOT}; load them
 * with {@link #pretrained(String)}.
 */
public final class TokenizerCheckpoint {

    /** Classpath folder of the shipped checkpoints. */
    public static final String RESOURCE_ROOT = "/dev/tessera/engine/checkpoints/";
    /** The checkpoint a first notebook cell uses. */
    public static final String DEFAULT = "vq-shapes64";

    static final String FORMAT = "tessera-tokenizer";
    static final int VERSION = 1;
    static final String KIND = "grid";

    /** Contents of {@code config.json}. */
    public record Manifest(String format, int version, String kind, String name, TokenizerConfig config) {
    }

    private TokenizerCheckpoint() {
    }

    /** Writes {@code tokenizer} to {@code folder}, replacing what was there only when all files are written. */
    public static void save(GridTokenizer tokenizer, Path folder, Map<String, Object> provenance) {
        AtomicDirectory.write(folder, dir -> {
            Json.mapper().writeValue(dir.resolve("config.json").toFile(),
                    new Manifest(FORMAT, VERSION, KIND, tokenizer.name(), tokenizer.config()));
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    Files.newOutputStream(dir.resolve("weights.params"))))) {
                tokenizer.block().saveParameters(out);
            }
            Json.mapper().writeValue(dir.resolve("provenance.json").toFile(), new LinkedHashMap<>(provenance));
        });
    }

    /** Loads the checkpoint folder at {@code folder}. */
    public static GridTokenizer load(Path folder) {
        try (InputStream config = Files.newInputStream(folder.resolve("config.json"));
             InputStream weights = Files.newInputStream(folder.resolve("weights.params"))) {
            return read(config, weights, folder.toString());
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no tokenizer checkpoint at " + folder + ": missing " + e.getFile()
                    + "; a checkpoint folder holds config.json and weights.params", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Loads a checkpoint shipped in the engine jar, e.g. {@value #DEFAULT}. */
    public static GridTokenizer pretrained(String name) {
        String base = RESOURCE_ROOT + name + "/";
        InputStream config = TokenizerCheckpoint.class.getResourceAsStream(base + "config.json");
        InputStream weights = TokenizerCheckpoint.class.getResourceAsStream(base + "weights.params");
        if (config == null || weights == null) {
            throw new IllegalArgumentException("no shipped tokenizer named '" + name + "'; shipped: " + DEFAULT);
        }
        try (config; weights) {
            return read(config, weights, "shipped:" + name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read shipped checkpoint " + name + ": " + e.getMessage(), e);
        }
    }

    /** The provenance record of a shipped checkpoint (command, seed, measured metrics). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> provenance(String name) {
        try (InputStream in = TokenizerCheckpoint.class.getResourceAsStream(RESOURCE_ROOT + name + "/provenance.json")) {
            if (in == null) {
                throw new IllegalArgumentException("no shipped tokenizer named '" + name + "'; shipped: " + DEFAULT);
            }
            return Json.mapper().readValue(in, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static GridTokenizer read(InputStream config, InputStream weights, String where) throws IOException {
        Manifest manifest;
        try {
            manifest = Json.mapper().readValue(config, Manifest.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(where + "/config.json is not a valid Tessera tokenizer config: "
                    + e.getMessage(), e);
        }
        if (!FORMAT.equals(manifest.format()) || manifest.version() != VERSION || !KIND.equals(manifest.kind())) {
            throw new IllegalArgumentException(where + " is a '" + manifest.format() + "' v" + manifest.version()
                    + " " + manifest.kind() + " checkpoint; this Tessera reads " + FORMAT + " v" + VERSION + " " + KIND);
        }
        GridTokenizer tokenizer = GridTokenizer.create(manifest.name(), manifest.config(), 0);
        Map<String, Shape> expected = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : tokenizer.block().getParameters()) {
            expected.put(p.getKey(), p.getValue().getArray().getShape());
        }
        try {
            tokenizer.block().loadParameters(tokenizer.model().getNDManager(),
                    new DataInputStream(new BufferedInputStream(weights)));
            for (Pair<String, Parameter> p : tokenizer.block().getParameters()) {
                Shape got = p.getValue().getArray().getShape();
                if (!got.equals(expected.get(p.getKey()))) {
                    throw new MalformedModelException("parameter " + p.getKey() + " has shape " + got
                            + " but the config needs " + expected.get(p.getKey()));
                }
            }
        } catch (MalformedModelException | IOException | RuntimeException e) {
            tokenizer.close();
            throw new IllegalArgumentException(where + "/weights.params does not match its config.json ("
                    + e.getMessage() + "); the folder mixes files of different checkpoints", e);
        }
        return tokenizer;
    }
}
