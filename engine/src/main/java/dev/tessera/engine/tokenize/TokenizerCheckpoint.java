package dev.tessera.engine.tokenize;

import ai.djl.MalformedModelException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tessera.engine.io.AtomicDirectory;
import dev.tessera.engine.io.CheckpointFolder;
import dev.tessera.engine.io.Json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Saves and loads tokenizers of every kind. A checkpoint is a folder with {@code config.json}
 * (the kind and the resolved architecture, so loading rebuilds the same model),
 * {@code weights.params} (DJL's parameter format) and {@code provenance.json} (how it was
 * made and what it measured), the layout of every {@link CheckpointFolder}, written atomically
 * ({@link AtomicDirectory}).
 *
 * <p>Shipped checkpoints live on the classpath under {@value #RESOURCE_ROOT}; load them
 * with {@link #pretrained(String)}.
 */
public final class TokenizerCheckpoint {

    /** Classpath folder of the shipped checkpoints. */
    public static final String RESOURCE_ROOT = CheckpointFolder.RESOURCE_ROOT;
    /** The checkpoint a first notebook cell uses. */
    public static final String DEFAULT = "vq-shapes64";
    /** Every checkpoint the project trains and ships, by name. */
    public static final List<String> SHIPPED = List.of("vq-shapes64", "rvq-shapes64", "fsq-shapes64", "setok-shapes64", "setok-shapes32", "vq-shapes32",
            "fsq-shapes32", "rvq2-shapes32", "rvq4-shapes32", "photo-64", "sem-shapes32");

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
        CheckpointFolder.write(folder, new Manifest(FORMAT, VERSION, kind, tokenizer.name(), Json.mapper().valueToTree(config)),
                tokenizer.model().getBlock(), provenance);
    }

    /** Loads the checkpoint folder at {@code folder}, of any kind. */
    public static TrainableTokenizer<?> load(Path folder) {
        return CheckpointFolder.read(folder, "tokenizer", TokenizerCheckpoint::read);
    }

    /** Loads a checkpoint folder that must hold a tokenizer of type {@code type}. */
    public static <T extends TrainableTokenizer<?>> T load(Path folder, Class<T> type) {
        return expect(load(folder), type, folder.toString());
    }

    /** Loads a checkpoint shipped in the engine jar, e.g. {@value #DEFAULT}. */
    public static TrainableTokenizer<?> pretrained(String name) {
        TrainableTokenizer<?> t = CheckpointFolder.readShipped(name, TokenizerCheckpoint::read);
        if (t == null) {
            throw new IllegalArgumentException("no shipped tokenizer named '" + name + "'; shipped: "
                    + String.join(", ", available()));
        }
        synchronized (FROM_JAR) {
            FROM_JAR.add(t);
        }
        return t;
    }

    /** Tokenizers loaded by {@link #pretrained}: their weights are the shipped ones, whatever else shares their name. */
    private static final java.util.Set<ImageTokenizer<?>> FROM_JAR =
            java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());

    /**
     * True when {@code t} was loaded from the checkpoints shipped in the engine jar; a tokenizer
     * trained by a user is not, even when its folder has a shipped name.
     */
    public static boolean isShipped(ImageTokenizer<?> t) {
        synchronized (FROM_JAR) {
            return FROM_JAR.contains(t);
        }
    }

    /** Records that {@code t}'s weights no longer are the shipped ones (trained further, or others loaded into it). */
    public static void changed(ImageTokenizer<?> t) {
        synchronized (FROM_JAR) {
            FROM_JAR.remove(t);
        }
    }

    /** Loads a shipped checkpoint that must be of type {@code type}. */
    public static <T extends TrainableTokenizer<?>> T pretrained(String name, Class<T> type) {
        return expect(pretrained(name), type, "shipped:" + name);
    }

    /** The shipped checkpoints present in this build. */
    public static List<String> available() {
        return SHIPPED.stream().filter(CheckpointFolder::isShipped).toList();
    }

    /** The provenance record of a shipped checkpoint (command, seed, measured metrics). */
    public static Map<String, Object> provenance(String name) {
        Map<String, Object> p = CheckpointFolder.shippedProvenance(name);
        if (p == null) {
            throw new IllegalArgumentException("no shipped tokenizer named '" + name + "'; shipped: "
                    + String.join(", ", available()));
        }
        return p;
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
                    + Json.problem(e) + "; restore the config.json this checkpoint was written with", e);
        }
        try {
            CheckpointFolder.loadWeights(tokenizer.model().getBlock(), tokenizer.model().getNDManager(), weights);
        } catch (MalformedModelException | IOException | RuntimeException e) {
            tokenizer.close();
            throw new IllegalArgumentException(where + "/weights.params does not match its config.json ("
                    + e.getMessage() + "); the folder mixes files of different checkpoints", e);
        }
        return tokenizer;
    }
}
