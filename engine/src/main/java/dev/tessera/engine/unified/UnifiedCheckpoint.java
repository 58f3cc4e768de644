package dev.tessera.engine.unified;

import dev.tessera.engine.train.StepLoss;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tessera.engine.io.AtomicDirectory;
import dev.tessera.engine.io.CheckpointFolder;
import dev.tessera.engine.io.CheckpointHashes;
import dev.tessera.engine.io.Json;
import dev.tessera.engine.lm.AdamW;
import dev.tessera.engine.lm.UnifiedTransformer;
import dev.tessera.engine.text.ByteLevelBpe;
import dev.tessera.engine.tokenize.TrainableTokenizer;
import dev.tessera.engine.vocab.VocabularyLayout;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A unified model on disk, complete enough to resume training exactly: {@code config.json}
 * (model and training config, step), {@code text-tokenizer.json} (HuggingFace format),
 * {@code words.json}, {@code model.params}, {@code optimizer.params} (AdamW moments and step
 * count; left out of shipped models, which are not resumed), {@code history.json} (every step's losses),
 * {@code image-tokenizer.params} (the image tokenizer's weights, only when they learned with the
 * model, {@link CodebookAlignment}: version 3; every other checkpoint names its shipped tokenizer) and {@code provenance.json}
 * (how it was made, and the SHA-256 of every other file: {@link CheckpointHashes}). Written atomically: a crash, a {@code kill -9}
 * or an interrupt mid-write leaves the previous checkpoint as it was ({@link AtomicDirectory}).
 *
 * <p>{@link #load} checks every file it reads against the recorded hashes before parsing any of
 * them, and {@link #loadOptimizer} (so every resume) checks {@code optimizer.params} the same
 * way: a changed, truncated, swapped or missing file is refused with a message naming it and the
 * fix. A folder without hashes (an older checkpoint) loads with a one-line warning; the shipped
 * model must carry them.
 */
public final class UnifiedCheckpoint {

    static final String FORMAT = "tessera-unified";
    /**
     * The newest version: 2 adds the bound task tags, 3 the image tokenizer's own weights (written
     * only by a model whose tokenizer learned, so an older Tessera refuses it instead of silently
     * using the shipped tokenizer; every other checkpoint is still written as version 2).
     */
    static final int VERSION = 3;
    /** The version of a checkpoint whose image tokenizer is the shipped one, named in its config. */
    static final int SHIPPED_TOKENIZER = 2;
    /** The oldest version this Tessera reads. */
    static final int OLDEST = 1;
    /** Resource folder of shipped unified models. */
    public static final String RESOURCE_ROOT = "/dev/tessera/engine/checkpoints/";
    /** The shipped model. */
    public static final String DEFAULT = "unified-shapes32";
    /** The shipped model of the illume curriculum: the one that edits images. */
    public static final String ILLUME = "illume-shapes32";
    /** Every shipped unified model: the default, TEAL's text-pretrained start ({@code teal-text}) and {@link #ILLUME}. */
    public static final List<String> SHIPPED = List.of(DEFAULT, "teal-text", ILLUME);
    /** What every checkpoint holds; {@code optimizer.params} is only needed to resume (shipped models leave it out). */
    private static final List<String> FILES = List.of("config.json", "text-tokenizer.json", "words.json", "model.params",
            "history.json", "provenance.json");
    private static final String OPTIMIZER = "optimizer.params";
    private static final String IMAGE_TOKENIZER = "image-tokenizer.params";

    /**
     * What config.json holds.
     *
     * @param taskTags the task tags bound after the fixed control tokens (none before version 2)
     */
    public record Manifest(String format, int version, UnifiedConfig model, UnifiedTrainingConfig training, int step,
                           int textVocabSize, List<String> taskTags, Map<String, String> taskFingerprints) {

        public Manifest {
            taskTags = taskTags == null ? List.of() : List.copyOf(taskTags);
            // absent in checkpoints written before tasks were fingerprinted
            taskFingerprints = taskFingerprints == null ? Map.of() : Map.copyOf(taskFingerprints);
        }
    }

    /**
     * A loaded checkpoint: the model plus what a resumed training needs.
     *
     * @param taskFingerprints what each task of its stage wrote ({@link TaskFingerprints}), empty
     *                         for checkpoints written before they were kept
     */
    public record Loaded(UnifiedModel model, UnifiedTrainingConfig training, int step, List<StepLoss> history,
                         Path folder, Map<String, String> taskFingerprints) {
    }

    private UnifiedCheckpoint() {
    }

    /** Writes everything to {@code folder}, replacing what was there only once all files are written. */
    public static void save(UnifiedModel model, Path folder, UnifiedTrainingConfig training, int step,
                            List<StepLoss> history, AdamW optimizer, Map<String, Object> provenance) {
        AtomicDirectory.write(folder, dir -> {
            boolean own = model.hasOwnImageTokenizer();
            Json.mapper().writeValue(dir.resolve("config.json").toFile(), new Manifest(FORMAT, own ? VERSION : SHIPPED_TOKENIZER,
                    model.config(),
                    training, step, model.textTokenizer().vocabSize(), model.transformer().layout().taskTags(),
                    TaskFingerprints.of(model, training.mix())));
            model.textTokenizer().save(dir.resolve("text-tokenizer.json"));
            Json.mapper().writeValue(dir.resolve("words.json").toFile(), new TreeSet<>(model.words()));
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve("model.params")))) {
                model.transformer().save(out);
            }
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve(OPTIMIZER)))) {
                optimizer.save(out);
            }
            if (own) {
                try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                        Files.newOutputStream(dir.resolve(IMAGE_TOKENIZER))))) {
                    model.tokenizer().model().getBlock().saveParameters(out);
                }
            }
            Json.mapper().writeValue(dir.resolve("history.json").toFile(), history);
            Json.mapper().writeValue(dir.resolve("provenance.json").toFile(), CheckpointHashes.stamp(provenance, dir));
        });
    }

    /**
     * Loads the model (and its training state) from a checkpoint folder, after checking its
     * files against the hashes in its provenance.
     */
    public static Loaded load(Path folder) {
        Path from = AtomicDirectory.readable(folder);
        return load(from, from.toString(), false);
    }

    /** Loads {@code folder}, named {@code where} in errors; {@code shipped} checkpoints must carry hashes. */
    private static Loaded load(Path folder, String where, boolean shipped) {
        refuseForeign(folder, configFile(folder));
        List<String> files = files(folder);
        List<String> missing = files.stream().filter(f -> !Files.isRegularFile(folder.resolve(f))).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the unified checkpoint " + folder + " is incomplete: missing " + missing
                    + "; a checkpoint holds " + files + " (copy the whole folder, or train again)");
        }
        CheckpointHashes.verify(folder, where, files.stream().filter(f -> !f.equals(CheckpointFolder.PROVENANCE)).toList(),
                shipped);
        Manifest manifest = manifest(folder);
        TrainableTokenizer<?> images = UnifiedModel.imageTokenizer(manifest.model().imageTokenizer());
        UnifiedTransformer transformer = null;
        try {
            if (files.contains(IMAGE_TOKENIZER)) {
                dev.tessera.engine.tokenize.TokenizerCheckpoint.changed(images);
                try (InputStream in = Files.newInputStream(folder.resolve(IMAGE_TOKENIZER))) {
                    CheckpointFolder.loadWeights(images.model().getBlock(), images.model().getNDManager(), in);
                } catch (ai.djl.MalformedModelException e) {
                    throw new IllegalArgumentException(folder + "/" + IMAGE_TOKENIZER + " does not fit the tokenizer "
                            + manifest.model().imageTokenizer() + " (" + e.getMessage() + "); the folder mixes files of "
                            + "different checkpoints", e);
                }
            }
            ByteLevelBpe text = ByteLevelBpe.load(folder.resolve("text-tokenizer.json"));
            if (text.vocabSize() != manifest.textVocabSize()) {
                throw new IllegalArgumentException(folder + "/text-tokenizer.json has " + text.vocabSize()
                        + " ids but the model was trained with " + manifest.textVocabSize());
            }
            Set<String> words = Json.mapper().readValue(folder.resolve("words.json").toFile(),
                    new TypeReference<TreeSet<String>>() { });
            VocabularyLayout layout = UnifiedModel.layout(text.vocabSize(), images, manifest.taskTags());
            transformer = UnifiedTransformer.create(manifest.model().transformer(), layout, manifest.model().embedding(),
                    manifest.model().stacking(), UnifiedModel.codeVectors(images), manifest.model().freezeText(), 0);
            try (InputStream in = Files.newInputStream(folder.resolve("model.params"))) {
                transformer.load(in);
            }
            List<StepLoss> history = Json.mapper().readValue(folder.resolve("history.json").toFile(),
                    new TypeReference<List<StepLoss>>() { });
            UnifiedModel model = new UnifiedModel(manifest.model(), text, images, transformer, words);
            if (files.contains(IMAGE_TOKENIZER)) {
                model.markOwnImageTokenizer();
            }
            return new Loaded(model, manifest.training(), manifest.step(), history, folder, manifest.taskFingerprints());
        } catch (NoSuchFileException e) {
            close(images, transformer);
            throw new IllegalArgumentException("the unified checkpoint " + folder + " is incomplete: missing " + e.getFile()
                    + "; it needs " + FILES, e);
        } catch (IOException e) {
            close(images, transformer);
            throw new UncheckedIOException("cannot read the unified checkpoint " + folder + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close(images, transformer);
            throw e;
        }
    }

    /**
     * The files the checkpoint in {@code folder} holds: every checkpoint's, and from version 3 on
     * the image tokenizer's weights (required: a v3 model's table learned against them, so the
     * shipped tokenizer must never stand in for them).
     */
    private static List<String> files(Path folder) {
        int version;
        try {
            // read as a plain tree: the manifest is bound only after the hash check
            version = Json.mapper().readTree(folder.resolve("config.json").toFile()).path("version").asInt();
        } catch (IOException e) {
            return FILES;  // the hash check names what is wrong with it
        }
        if (version < VERSION) {
            return FILES;
        }
        List<String> all = new java.util.ArrayList<>(FILES);
        all.add(all.size() - 1, IMAGE_TOKENIZER);
        return List.copyOf(all);
    }

    /** Restores the optimizer state saved beside the model, after checking it against its recorded hash. */
    public static void loadOptimizer(Path folder, AdamW optimizer, UnifiedModel model) {
        if (!Files.isRegularFile(folder.resolve(OPTIMIZER))) {
            throw new IllegalArgumentException(folder + " has no " + OPTIMIZER + " (shipped models leave it out), so its "
                    + "training cannot be resumed; start a new run, or resume a checkpoint your own training wrote");
        }
        CheckpointHashes.verify(folder, folder.toString(), List.of(OPTIMIZER), false);
        try (InputStream in = Files.newInputStream(folder.resolve(OPTIMIZER))) {
            optimizer.load(in, model.transformer().parameters());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the optimizer state of " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The manifest of a checkpoint folder, with clear errors for a missing or foreign folder. */
    public static Manifest manifest(Path folder) {
        Path config = configFile(AtomicDirectory.readable(folder));
        Manifest m;
        try {
            m = Json.mapper().readValue(config.toFile(), Manifest.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(config + " is not a unified checkpoint manifest (" + Json.problem(e)
                    + "); is this a tokenizer or judge checkpoint? Otherwise restore the config.json it was written with", e);
        }
        checkFormat(folder, m.format(), m.version());
        return m;
    }

    /**
     * Names a folder of another kind (a tokenizer or judge checkpoint) before anything else is
     * checked, reading only the format tag of its config as a plain tree (no class is bound).
     */
    private static void refuseForeign(Path folder, Path config) {
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(config.toFile());
        } catch (IOException e) {
            return; // the hash check or the manifest names what is wrong with it
        }
        String format = tree.path("format").asText("");
        if (!FORMAT.equals(format)) {
            checkFormat(folder, format, tree.path("version").asInt());
        }
    }

    private static void checkFormat(Path folder, String format, int version) {
        if (!FORMAT.equals(format) || version < OLDEST || version > VERSION) {
            throw new IllegalArgumentException(folder + " is a '" + format + "' v" + version
                    + " checkpoint; this Tessera reads " + FORMAT + " v" + OLDEST + " to v" + VERSION
                    + (FORMAT.equals(format) && version > VERSION ? " (a newer Tessera wrote it: update Tessera)" : ""));
        }
    }

    private static Path configFile(Path folder) {
        Path config = folder.resolve("config.json");
        if (!Files.isRegularFile(config)) {
            throw new IllegalArgumentException("no unified checkpoint at " + folder + " (no config.json); train one with "
                    + "%tessera train unified out=<folder> or use the shipped " + DEFAULT);
        }
        return config;
    }

    /** The shipped model {@code name}, copied out of the engine jar into a temporary folder and loaded. */
    public static Loaded pretrained(String name) {
        String base = RESOURCE_ROOT + name + "/";
        if (UnifiedCheckpoint.class.getResource(base + "config.json") == null) {
            throw new IllegalArgumentException("no shipped unified model named '" + name + "'; shipped: " + SHIPPED);
        }
        try {
            Path dir = Files.createTempDirectory("tessera-" + name);
            dir.toFile().deleteOnExit();
            List<String> files = new java.util.ArrayList<>(FILES);
            if (UnifiedCheckpoint.class.getResource(base + IMAGE_TOKENIZER) != null) {
                files.add(IMAGE_TOKENIZER);  // version 3 on: the model's own image tokenizer weights
            }
            for (String f : files) {
                try (InputStream in = UnifiedCheckpoint.class.getResourceAsStream(base + f)) {
                    if (in == null) {
                        throw new IllegalStateException("the shipped model " + name + " lacks " + f + "; rebuild Tessera");
                    }
                    Files.copy(in, dir.resolve(f));
                    dir.resolve(f).toFile().deleteOnExit();
                }
            }
            return load(dir, "shipped:" + name, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the shipped model " + name + ": " + e.getMessage(), e);
        }
    }

    /** The manifest of the shipped model {@code name}, read from the engine jar without loading the model. */
    public static Manifest shippedManifest(String name) {
        String resource = RESOURCE_ROOT + name + "/config.json";
        try (InputStream in = UnifiedCheckpoint.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no shipped unified model named '" + name + "'; shipped: " + SHIPPED);
            }
            Manifest m = Json.mapper().readValue(in, Manifest.class);
            checkFormat(Path.of("shipped:" + name), m.format(), m.version());
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped model " + name + ": " + e.getMessage(), e);
        }
    }

    /** The per-step losses recorded in a checkpoint folder (without loading the model). */
    public static List<StepLoss> history(Path folder) {
        try {
            return Json.mapper().readValue(folder.resolve("history.json").toFile(), new TypeReference<List<StepLoss>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the loss history of " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The provenance of a shipped model (its command, seed, measured results). */
    public static Map<String, Object> shippedProvenance(String name) {
        Map<String, Object> p = SHIPPED.contains(name) ? CheckpointFolder.shippedProvenance(name) : null;
        if (p == null) {
            throw new IllegalArgumentException("no shipped unified model named '" + name + "'; shipped: " + SHIPPED);
        }
        return p;
    }

    /** The provenance of a checkpoint folder (command, seed, measured results). */
    public static Map<String, Object> provenance(Path folder) {
        return CheckpointFolder.provenance(folder);
    }

    /**
     * Adds {@code key: value} to the provenance of a checkpoint folder (e.g. its measured
     * results), rewriting only that file, atomically.
     */
    public static void record(Path folder, String key, Object value) {
        CheckpointFolder.record(folder, key, value);
    }

    private static void close(TrainableTokenizer<?> images, UnifiedTransformer t) {
        images.close();
        if (t != null) {
            t.close();
        }
    }
}
