package dev.tessera.engine.tokenize;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.List;
import java.util.Map;

/**
 * Saves and loads tokenizers of every kind. A checkpoint is a folder with {@code config.json}
 * (the kind and the resolved architecture, so loading rebuilds the same model),
 * {@code weights.params} (DJL's parameter format) and {@code provenance.json} (how it was
 * made and what it measured). Folders are written atomically ({@link AtomicDirectory}).
 *
 * <p>Shipped checkpoints live on the classpath under {@value #RESOURCE_ROOT}; load them
 * with {@link #pretrained(String)}.
 */
public final class TokenizerCheckpoint {

    /** Classpath folder of the shipped checkpoints. */
    public static final String RESOURCE_ROOT = "/dev/tessera/engine/checkpoints/";
    /** The checkpoint a first notebook cell uses. */
    public static final String DEFAULT = "vq-shapes64";
    /** Every checkpoint the project trains and ships, by name. */
    public static final List<String> SHIPPED = List.of("vq-shapes64", "rvq-shapes64", "fsq-shapes64", "setok-shapes64", "vq-shapes32");

    static final String FORMAT = "tessera-tokenizer";
    static final int VERSION = 1;
    static final String GRID = "grid";
    static final String CLUSTER = "cluster";

    /** Contents of {@code config.json}; {@code config} is a TokenizerConfig or a ClusterTokenizerConfig by {@code kind}. */
    public record Manifest(String format, int version, String kind, String name, JsonNode config) {
    }

    private TokenizerCheckpoint() {
    }

    /** Writes {@code tokenizer} to {@code folder}, replacing what was there only when all files are written. */
    public static void save(TrainableTokenizer<?> tokenizer, Path folder, Map<String, Object> provenance) {
        Object config;
        String kind;
        if (tokenizer instanceof GridTokenizer g) {
            config = g.config();
            kind = GRID;
        } else if (tokenizer instanceof ClusterTokenizer c) {
            config = c.config();
            kind = CLUSTER;
        } else {
            throw new IllegalArgumentException("cannot save a " + tokenizer.getClass().getSimpleName());
        }
        AtomicDirectory.write(folder, dir -> {
            Json.mapper().writeValue(dir.resolve("config.json").toFile(),
                    new Manifest(FORMAT, VERSION, kind, tokenizer.name(), Json.mapper().valueToTree(config)));
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    Files.newOutputStream(dir.resolve("weights.params"))))) {
                tokenizer.model().getBlock().saveParameters(out);
            }
            Json.mapper().writeValue(dir.resolve("provenance.json").toFile(), new LinkedHashMap<>(provenance));
        });
    }

    /** Loads the checkpoint folder at {@code folder}, of any kind. */
    public static TrainableTokenizer<?> load(Path folder) {
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

    /** Loads a checkpoint folder that must hold a tokenizer of type {@code type}. */
    public static <T extends TrainableTokenizer<?>> T load(Path folder, Class<T> type) {
        return expect(load(folder), type, folder.toString());
    }

    /** Loads a checkpoint shipped in the engine jar, e.g. {@value #DEFAULT}. */
    public static TrainableTokenizer<?> pretrained(String name) {
        String base = RESOURCE_ROOT + name + "/";
        InputStream config = TokenizerCheckpoint.class.getResourceAsStream(base + "config.json");
        InputStream weights = TokenizerCheckpoint.class.getResourceAsStream(base + "weights.params");
        if (config == null || weights == null) {
            throw new IllegalArgumentException("no shipped tokenizer named '" + name + "'; shipped: "
                    + String.join(", ", available()));
        }
        try (config; weights) {
            return read(config, weights, "shipped:" + name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read shipped checkpoint " + name + ": " + e.getMessage(), e);
        }
    }

    /** Loads a shipped checkpoint that must be of type {@code type}. */
    public static <T extends TrainableTokenizer<?>> T pretrained(String name, Class<T> type) {
        return expect(pretrained(name), type, "shipped:" + name);
    }

    /** The shipped checkpoints present in this build. */
    public static List<String> available() {
        return SHIPPED.stream()
                .filter(n -> TokenizerCheckpoint.class.getResource(RESOURCE_ROOT + n + "/config.json") != null).toList();
    }

    /** The provenance record of a shipped checkpoint (command, seed, measured metrics). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> provenance(String name) {
        try (InputStream in = TokenizerCheckpoint.class.getResourceAsStream(RESOURCE_ROOT + name + "/provenance.json")) {
            if (in == null) {
                throw new IllegalArgumentException("no shipped tokenizer named '" + name + "'; shipped: "
                        + String.join(", ", available()));
            }
            return Json.mapper().readValue(in, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T extends TrainableTokenizer<?>> T expect(TrainableTokenizer<?> t, Class<T> type, String where) {
        if (!type.isInstance(t)) {
            String got = t.getClass().getSimpleName();
            t.close();
            throw new IllegalArgumentException(where + " holds a " + got + ", not a " + type.getSimpleName());
        }
        return type.cast(t);
    }

    private static TrainableTokenizer<?> read(InputStream config, InputStream weights, String where) throws IOException {
        Manifest manifest;
        TrainableTokenizer<?> tokenizer;
        try {
            manifest = Json.mapper().readValue(config, Manifest.class);
            if (!FORMAT.equals(manifest.format()) || manifest.version() != VERSION) {
                throw new IllegalArgumentException("it is a '" + manifest.format() + "' v" + manifest.version()
                        + " file; this Tessera reads " + FORMAT + " v" + VERSION);
            }
            tokenizer = switch (String.valueOf(manifest.kind())) {
                case GRID -> GridTokenizer.create(manifest.name(),
                        Json.mapper().treeToValue(manifest.config(), TokenizerConfig.class), 0);
                case CLUSTER -> ClusterTokenizer.create(manifest.name(),
                        Json.mapper().treeToValue(manifest.config(), ClusterTokenizerConfig.class), 0);
                default -> throw new IllegalArgumentException("unknown tokenizer kind '" + manifest.kind()
                        + "'; known: " + GRID + ", " + CLUSTER);
            };
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(where + "/config.json is not a valid Tessera tokenizer config: "
                    + e.getMessage(), e);
        }
        Block block = tokenizer.model().getBlock();
        Map<String, Shape> expected = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            expected.put(p.getKey(), p.getValue().getArray().getShape());
        }
        try {
            block.loadParameters(tokenizer.model().getNDManager(), new DataInputStream(new BufferedInputStream(weights)));
            for (Pair<String, Parameter> p : block.getParameters()) {
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
