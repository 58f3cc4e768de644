package dev.tessera.engine.io;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
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
 * The folder layout every Tessera checkpoint shares: {@value #CONFIG} (what to rebuild),
 * {@value #WEIGHTS} (DJL's parameter format) and {@value #PROVENANCE} (how it was made, what it
 * measured, and the SHA-256 of every other file: {@link CheckpointHashes}), written atomically
 * ({@link AtomicDirectory}). Shipped checkpoints live on the classpath under
 * {@value #RESOURCE_ROOT}{@code NAME/}. What goes into {@value #CONFIG} and how a model is
 * rebuilt from it is the business of each kind's own checkpoint class.
 *
 * <p>Reading checks both files against the recorded hashes before the kind's reader sees a byte
 * of them, and hands the reader the very bytes it checked. A folder without hashes (an older
 * checkpoint) loads with a warning; a shipped checkpoint without them is refused.
 */
public final class CheckpointFolder {

    /** Classpath folder of the shipped checkpoints. */
    public static final String RESOURCE_ROOT = "/dev/tessera/engine/checkpoints/";
    public static final String CONFIG = "config.json";
    public static final String WEIGHTS = "weights.params";
    public static final String PROVENANCE = "provenance.json";

    /** Rebuilds a model from the two streams; {@code where} names the source in error messages. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(InputStream config, InputStream weights, String where) throws IOException;
    }

    private CheckpointFolder() {
    }

    /**
     * Replaces {@code folder} with {@code manifest} as JSON, the parameters of {@code block} and
     * {@code provenance} plus the hashes of the two ({@link CheckpointHashes#stamp}).
     */
    public static void write(Path folder, Object manifest, Block block, Map<String, Object> provenance) {
        AtomicDirectory.write(folder, dir -> {
            Json.mapper().writeValue(dir.resolve(CONFIG).toFile(), manifest);
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    Files.newOutputStream(dir.resolve(WEIGHTS))))) {
                block.saveParameters(out);
            }
            Json.mapper().writeValue(dir.resolve(PROVENANCE).toFile(), CheckpointHashes.stamp(provenance, dir));
        });
    }

    /**
     * Reads the checkpoint folder at {@code folder} (or what an interrupted write left of it,
     * {@link AtomicDirectory#readable}) after checking its files against their recorded hashes;
     * {@code kind} ("tokenizer") names it in errors.
     */
    public static <T> T read(Path folder, String kind, Reader<T> reader) {
        Path from = AtomicDirectory.readable(folder);
        String where = from.toString();
        if (!Files.isRegularFile(from.resolve(CONFIG))) {
            throw new IllegalArgumentException("no " + kind + " checkpoint at " + folder + ": missing " + from.resolve(CONFIG)
                    + "; a checkpoint folder holds " + CONFIG + " and " + WEIGHTS);
        }
        Map<String, FileHash> recorded = CheckpointHashes.recordedIn(from, where, false);
        try {
            byte[] config = Files.readAllBytes(from.resolve(CONFIG));
            byte[] weights = Files.readAllBytes(from.resolve(WEIGHTS));
            if (recorded != null) {
                CheckpointHashes.check(recorded, where, CONFIG, FileHash.of(config));
                CheckpointHashes.check(recorded, where, WEIGHTS, FileHash.of(weights));
            }
            return reader.read(new ByteArrayInputStream(config), new ByteArrayInputStream(weights), where);
        } catch (NoSuchFileException e) {
            if (recorded != null) {
                throw CheckpointHashes.missing(where, Path.of(e.getFile()).getFileName().toString(), recorded);
            }
            throw new IllegalArgumentException("no " + kind + " checkpoint at " + folder + ": missing " + e.getFile()
                    + "; a checkpoint folder holds " + CONFIG + " and " + WEIGHTS, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + folder + ": " + e.getMessage(), e);
        }
    }

    /** True when a checkpoint named {@code name} is shipped on the classpath. */
    public static boolean isShipped(String name) {
        return CheckpointFolder.class.getResource(RESOURCE_ROOT + name + "/" + CONFIG) != null;
    }

    /**
     * Reads the shipped checkpoint {@code name} (source {@code shipped:NAME} in errors) after
     * checking its files against the hashes its provenance must record, or returns null when
     * none is on the classpath.
     */
    public static <T> T readShipped(String name, Reader<T> reader) {
        String base = RESOURCE_ROOT + name + "/";
        String where = "shipped:" + name;
        try {
            byte[] config = resource(base + CONFIG);
            byte[] weights = resource(base + WEIGHTS);
            if (config == null || weights == null) {
                return null;
            }
            Map<String, Object> provenance = shippedProvenance(name);
            Map<String, FileHash> recorded = provenance == null ? null : CheckpointHashes.recorded(provenance, where);
            if (recorded == null) {
                CheckpointHashes.unrecorded(where, true);
            }
            CheckpointHashes.check(recorded, where, CONFIG, FileHash.of(config));
            CheckpointHashes.check(recorded, where, WEIGHTS, FileHash.of(weights));
            return reader.read(new ByteArrayInputStream(config), new ByteArrayInputStream(weights), where);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read shipped checkpoint " + name + ": " + e.getMessage(), e);
        }
    }

    /** The provenance record of the checkpoint folder at {@code folder}. */
    public static Map<String, Object> provenance(Path folder) {
        try {
            return Json.mapper().readValue(folder.resolve(PROVENANCE).toFile(),
                    new com.fasterxml.jackson.core.type.TypeReference<java.util.LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read the provenance of " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * Adds {@code key: value} to the provenance of a checkpoint folder (e.g. its measured
     * results), rewriting only that file, atomically; the weights and config are untouched.
     */
    public static void record(Path folder, String key, Object value) {
        Map<String, Object> p = new java.util.LinkedHashMap<>(provenance(folder));
        p.put(key, value);
        try {
            AtomicFile.write(folder.resolve(PROVENANCE), Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(p));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot update the provenance of " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The provenance record of the shipped checkpoint {@code name}, or null when none is shipped. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> shippedProvenance(String name) {
        try (InputStream in = CheckpointFolder.class.getResourceAsStream(RESOURCE_ROOT + name + "/" + PROVENANCE)) {
            return in == null ? null : Json.mapper().readValue(in, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Loads {@code weights} into the already initialised {@code block} and checks that every
     * parameter kept the shape the config gave it (DJL would otherwise accept another
     * architecture's weights of the same count).
     */
    public static void loadWeights(Block block, NDManager manager, InputStream weights)
            throws IOException, MalformedModelException {
        Map<String, Shape> expected = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            expected.put(p.getKey(), p.getValue().getArray().getShape());
        }
        block.loadParameters(manager, new DataInputStream(new BufferedInputStream(weights)));
        for (Pair<String, Parameter> p : block.getParameters()) {
            Shape got = p.getValue().getArray().getShape();
            if (!got.equals(expected.get(p.getKey()))) {
                throw new MalformedModelException("parameter " + p.getKey() + " has shape " + got
                        + " but the config needs " + expected.get(p.getKey()));
            }
        }
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = CheckpointFolder.class.getResourceAsStream(path)) {
            return in == null ? null : in.readAllBytes();
        }
    }
}
