package dev.tessera.engine.unified;

import dev.tessera.engine.Tessera;
import dev.tessera.engine.image.ImageSource;
import dev.tessera.engine.lm.SamplingConfig;
import dev.tessera.engine.train.ProgressListener;
import dev.tessera.engine.train.TrainingStop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The front door to the unified model: one call per thing a notebook user does with it
 * (each {@code %tessera caption | ask | generate | edit | train unified} magic is one call here).
 * Models are named by a shipped name ({@link UnifiedCheckpoint#SHIPPED}), a checkpoint
 * folder, or {@value #LAST} (the one trained last in this session), loaded once and kept until
 * the folder changes.
 */
public final class UnifiedModels {

    private record Cached(UnifiedModel model, long stamp) {
    }

    private static final Map<String, Cached> LOADED = new HashMap<>();
    /** The name that means "the model trained last in this JVM". */
    public static final String LAST = "last";
    private static Path lastTrained;

    private UnifiedModels() {
    }

    /** The model {@code name}: the shipped one, or a checkpoint folder (reloaded when it was rewritten). */
    public static synchronized UnifiedModel model(String name) {
        if (LAST.equals(name)) {
            if (lastTrained == null) {
                throw new IllegalArgumentException("no model was trained in this session yet; train one with "
                        + "%tessera train unified, or name a checkpoint folder or " + UnifiedCheckpoint.DEFAULT);
            }
            name = lastTrained.toString();
        }
        boolean shipped = UnifiedCheckpoint.SHIPPED.contains(name);
        Path folder = shipped ? null : Path.of(name);
        long stamp = shipped ? 0 : stamp(folder);
        Cached c = LOADED.get(name);
        if (c != null && c.stamp() == stamp) {
            return c.model();
        }
        UnifiedModel m = shipped ? UnifiedCheckpoint.pretrained(name).model() : UnifiedCheckpoint.load(folder).model();
        if (c != null) {
            c.model().close();
        }
        LOADED.put(name, new Cached(m, stamp));
        return m;
    }

    private static long stamp(Path folder) {
        try {
            return Files.getLastModifiedTime(folder.resolve("config.json")).toMillis();
        } catch (IOException e) {
            // load() names the missing checkpoint with a fix
            return -1;
        }
    }

    /** Captions the image from {@code source} with model {@code name}. */
    public static Caption caption(ImageSource source, String name) {
        UnifiedModel m = model(name);
        return m.caption(Tessera.load(source, m.imageSize()));
    }

    /** Answers {@code question} about the image from {@code source} with model {@code name}. */
    public static Answer ask(ImageSource source, String question, String name) {
        UnifiedModel m = model(name);
        return m.answer(Tessera.load(source, m.imageSize()), question);
    }

    /** Draws {@code n} images for {@code prompt} with model {@code name}. */
    public static Generation generate(String prompt, int n, SamplingConfig sampling, String name) {
        return model(name).generate(prompt, n, sampling);
    }

    /**
     * Edits the image from {@code source} by {@code instruction} with model {@code name}, which
     * must have trained on editing (the shipped {@value UnifiedCheckpoint#ILLUME} has).
     */
    public static Edit edit(ImageSource source, String instruction, SamplingConfig sampling, String name) {
        UnifiedModel m = model(name);
        return ImageEditor.edit(m, Tessera.load(source, m.imageSize()), instruction, sampling);
    }

    /**
     * Trains (or resumes) the run, reporting to {@code listener}, stopping on {@code stop} or
     * an interrupt; the checkpoint in {@code run.out()} is written every
     * {@code checkpointEvery} steps and at the end.
     */
    public static UnifiedTrainingResult train(UnifiedRun run, ProgressListener listener, TrainingStop stop) {
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("run", run.toString());
        provenance.put("startedAt", Instant.now().toString());
        UnifiedTrainer trainer = UnifiedTrainer.start(run);
        try (UnifiedModel model = trainer.model(); trainer) {
            UnifiedTrainingResult result = trainer.listener(listener).stop(stop).checkpointTo(run.out(), provenance).run();
            trained(run.out());
            return result;
        }
    }

    /** Records {@code folder} as the model trained last in this JVM (what {@value #LAST} names). */
    public static synchronized void trained(Path folder) {
        lastTrained = folder;
    }

    /** Shipped model names. */
    public static List<String> shipped() {
        return List.of(UnifiedCheckpoint.DEFAULT);
    }
}
