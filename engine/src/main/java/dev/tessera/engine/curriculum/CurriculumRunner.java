package dev.tessera.engine.curriculum;

import dev.tessera.engine.task.Task;
import dev.tessera.engine.io.AtomicFile;
import dev.tessera.engine.io.Json;
import dev.tessera.engine.text.TextCorpus;
import dev.tessera.engine.train.GuardReading;
import dev.tessera.engine.train.ProgressListener;
import dev.tessera.engine.train.TrainingProgress;
import dev.tessera.engine.train.TrainingControls;
import dev.tessera.engine.train.TrainingStop;
import dev.tessera.engine.unified.TextPerplexity;
import dev.tessera.engine.unified.UnifiedCheckpoint;
import dev.tessera.engine.lm.EmbeddingMode;
import dev.tessera.engine.unified.UnifiedConfig;
import dev.tessera.engine.unified.UnifiedModel;
import dev.tessera.engine.unified.UnifiedRun;
import dev.tessera.engine.unified.UnifiedTrainer;
import dev.tessera.engine.unified.UnifiedTrainingConfig;
import dev.tessera.engine.unified.UnifiedTrainingResult;
import dev.tessera.engine.vocab.VocabularyLayout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Trains a {@link Curriculum}'s stages back to back into one folder: the curriculum's JSON and
 * one checkpoint folder per stage ({@code 1-NAME}, {@code 2-NAME}, ...), each with its
 * provenance (the curriculum, the stage, where it started). Running it again on the same folder
 * resumes: finished stages are kept, an interrupted stage continues from its checkpoint with the
 * losses an uninterrupted run would have had, and later stages follow. An interrupted stage whose
 * tasks now write other sequences than when it was saved (a task cell edited in between; see
 * {@link dev.tessera.engine.unified.TaskFingerprints}) is refused by name and kept as it was.
 *
 * <p>Everything that can be checked is checked before the first step ({@link #check}): unknown
 * tasks, a stage starting from a checkpoint of another architecture, a stage that would train
 * nothing, a folder that holds another curriculum. A stage whose tasks use new tags binds them
 * (spare control ids, {@link UnifiedModel#withTaskTags}) before it trains.
 */
public final class CurriculumRunner {

    static final String CURRICULUM_FILE = "curriculum.json";

    private final Curriculum curriculum;
    private final Path folder;
    private StageListener listener = StageListener.none();
    private TrainingStop stop = new TrainingStop();
    private Map<String, Object> provenance = Map.of();
    private List<Integer> snapshots = List.of();
    /** The guard readings of this run's folder, in order. */
    private List<GuardReading> readings = new ArrayList<>();
    /** Where a run's guard readings are kept, beside {@code curriculum.json}. */
    public static final String GUARD_FILE = "guard.json";

    public CurriculumRunner(Curriculum curriculum, Path folder) {
        this.curriculum = curriculum;
        this.folder = folder;
    }

    public CurriculumRunner listener(StageListener l) {
        this.listener = l;
        return this;
    }

    /** Stops at the next step boundary when requested (a thread interrupt does too); the stage's checkpoint is written. */
    public CurriculumRunner stop(TrainingStop s) {
        this.stop = s;
        return this;
    }

    /** Extra provenance recorded in every stage's checkpoint (e.g. the command that ran it). */
    public CurriculumRunner provenance(Map<String, Object> p) {
        this.provenance = Map.copyOf(p);
        return this;
    }

    /**
     * Also keeps a snapshot of the weights after each of {@code steps}, counted across the
     * curriculum's stages ({@link #snapshot}), for an accuracy-against-steps curve; a stage's own
     * last step is its checkpoint already and gets none.
     */
    public CurriculumRunner snapshotsAt(List<Integer> steps) {
        for (int step : steps) {
            if (step < 1 || step >= curriculum.totalSteps()) {
                throw new IllegalArgumentException("a snapshot must fall inside the run's " + curriculum.totalSteps()
                        + " steps (1.." + (curriculum.totalSteps() - 1) + "), got " + step);
            }
        }
        this.snapshots = List.copyOf(steps);
        return this;
    }

    /**
     * The checkpoint holding the weights after {@code step} steps (counted across stages) of
     * {@code c} run in {@code folder}: a stage's checkpoint when the step ends that stage, else the
     * snapshot {@link #snapshotsAt} kept inside it.
     */
    public static Path snapshot(Path folder, Curriculum c, int step) {
        int offset = 0;
        for (int i = 0; i < c.stages().size(); i++) {
            int steps = c.stages().get(i).training().steps();
            if (step == offset + steps) {
                return stageFolder(folder, c, i);
            }
            if (step > offset && step < offset + steps) {
                return TrainingControls.snapshotFolder(stageFolder(folder, c, i), step - offset);
            }
            offset += steps;
        }
        throw new IllegalArgumentException("step " + step + " is outside the curriculum " + c.name() + "'s "
                + c.totalSteps() + " steps");
    }

    /** The checkpoint folder of stage {@code index} (0-based). */
    public Path stageFolder(int index) {
        return stageFolder(folder, curriculum, index);
    }

    /** The checkpoint folder of stage {@code index} of {@code c} run in {@code folder}. */
    public static Path stageFolder(Path folder, Curriculum c, int index) {
        return stageFolder(folder, index, c.stages().get(index).name());
    }

    /** The checkpoint folder of stage {@code index} (0-based), named {@code stageName}, of a curriculum run in {@code folder}. */
    public static Path stageFolder(Path folder, int index, String stageName) {
        return folder.resolve((index + 1) + "-" + stageName);
    }

    /**
     * Refuses a curriculum that cannot train, before any step: unknown tasks, a start that is not
     * a checkpoint of the curriculum's model, a selection of weights that trains nothing.
     */
    public static void check(Curriculum c) {
        UnifiedConfig model = UnifiedRun.config(c.model());
        Set<String> newTags = new LinkedHashSet<>();
        for (Stage s : c.stages()) {
            for (String name : s.training().mix().names()) {
                try {
                    s.training().mix().task(name);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("stage " + s.name() + ": " + e.getMessage(), e);
                }
            }
            tags(s.training()).stream().filter(t -> !VocabularyLayout.isFixed(t)).forEach(newTags::add);
            if (newTags.size() > VocabularyLayout.MAX_TASK_TAGS) {
                throw new IllegalArgumentException("stage " + s.name() + ": the curriculum's tasks open with "
                        + newTags.size() + " new tags " + newTags + ", and a model has room for "
                        + VocabularyLayout.MAX_TASK_TAGS + "; let several tasks share a tag");
            }
            if (s.training().alignment().learns() && model.embedding() != EmbeddingMode.UNIFIED_CODEBOOK) {
                throw new IllegalArgumentException("stage " + s.name() + " aligns the codebook ("
                        + s.training().alignment().mode().id() + "), which needs a model whose image table is the "
                        + "tokenizer's codebook; curriculum " + c.name() + " trains a " + describe(model) + " (preset "
                        + c.model() + "): use the small-unicode preset, or leave the tokenizer frozen");
            }
            if (!s.start().equals(Stage.FRESH) && !s.start().equals(Stage.PREVIOUS)) {
                UnifiedConfig from = startConfig(s);
                if (!sameArchitecture(model, from)) {
                    throw new IllegalArgumentException("stage " + s.name() + " starts from " + s.start() + ", a "
                            + describe(from) + ", but curriculum " + c.name() + " trains a " + describe(model)
                            + " (preset " + c.model() + "); start it from a checkpoint of that architecture, or change the "
                            + "curriculum's model");
                }
            }
        }
    }

    /**
     * Refuses a stage from {@code first} on whose weight selection trains nothing on
     * {@code model} (every stage has the same architecture, so one model answers for all).
     */
    private void checkSelections(UnifiedModel model, int first) {
        for (Stage s : curriculum.stages().subList(first, curriculum.stages().size())) {
            try {
                model.transformer().learning(s.training().trainable());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("stage " + s.name() + ": " + e.getMessage(), e);
            }
        }
    }

    /** Runs (or resumes) the curriculum; see the class comment. */
    public CurriculumResult run() {
        check(curriculum);
        checkFolder();
        List<StageResult> results = new ArrayList<>();
        readings = new ArrayList<>(readings(folder));
        int offset = 0;
        for (int i = 0; i < curriculum.stages().size(); i++) {
            Stage stage = curriculum.stages().get(i);
            Path out = stageFolder(i);
            if (finished(out, stage)) {
                results.add(new StageResult(stage.name(), out, null));
                offset += stage.training().steps();
                if (missingReading(stage.name())) {
                    // finished in a run that ended before its guard reading was taken
                    try (UnifiedModel m = UnifiedCheckpoint.load(out).model()) {
                        guard(stage.name(), offset, m);
                    }
                }
                continue;
            }
            if (stop.requested()) {
                return result(results, true);
            }
            UnifiedTrainer trainer = trainer(i, stage, out);
            if (results.stream().noneMatch(StageResult::trainedNow)) {
                try {
                    checkSelections(trainer.model(), i);  // before this run's first step
                    writeCurriculum();  // only a curriculum that passed every check claims the folder
                } catch (RuntimeException e) {
                    try (UnifiedModel m = trainer.model(); trainer) {
                        throw e;
                    }
                }
            }
            UnifiedTrainingResult r;
            int index = i;
            int before = offset;
            try (UnifiedModel model = trainer.model(); trainer) {
                if (i == 0 && trainer.step() == 0 && missingReading(GuardReading.START)) {
                    guard(GuardReading.START, 0, model);
                }
                r = trainer.listener(new ProgressListener() {
                            @Override
                            public void onProgress(TrainingProgress p) {
                                listener.onProgress(new StageProgress(index, stage.name(), curriculum.stages().size(),
                                        before, curriculum.totalSteps(), p));
                            }

                            @Override
                            public void onVocabulary(int size) {
                                listener.onVocabulary(size);
                            }
                        })
                        .stop(stop).checkpointTo(out, stageProvenance(i, stage))
                        .snapshotsAt(snapshots.stream().filter(t -> t > before && t < before + stage.training().steps())
                                .map(t -> t - before).toList())
                        .run();
                if (!r.interrupted()) {
                    guard(stage.name(), offset + stage.training().steps(), model);
                }
            }
            results.add(new StageResult(stage.name(), out, r));
            if (r.interrupted()) {
                return result(results, true);
            }
            offset += stage.training().steps();
        }
        return result(results, false);
    }

    private CurriculumResult result(List<StageResult> results, boolean interrupted) {
        return new CurriculumResult(curriculum.name(), folder, results, interrupted, readings);
    }

    /** Whether the guard (if any) still needs its reading {@code after}. */
    private boolean missingReading(String after) {
        return curriculum.guard() != null && readings.stream().noneMatch(g -> g.after().equals(after));
    }

    /** Takes, keeps, reports and saves the guard's reading {@code after} on {@code model}. */
    private void guard(String after, int step, UnifiedModel model) {
        if (!missingReading(after)) {
            return;
        }
        double ppl = TextPerplexity.measure(model, curriculum.guard().sample(TextCorpus.fortunes().heldOut()));
        GuardReading last = readings.isEmpty() ? null : readings.get(readings.size() - 1);
        double change = last == null ? Double.NaN : ppl / last.perplexity() - 1;
        GuardReading reading = new GuardReading(after, step, ppl, change, change > curriculum.guard().tolerance());
        readings.add(reading);
        try {
            AtomicFile.write(folder.resolve(GUARD_FILE), Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(readings));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + folder.resolve(GUARD_FILE) + ": " + e.getMessage(), e);
        }
        listener.onGuard(reading);
    }

    /** The guard readings a curriculum run in {@code folder} has taken so far (empty without any). */
    public static List<GuardReading> readings(Path folder) {
        Path file = folder.resolve(GUARD_FILE);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return Json.mapper().readValue(file.toFile(), new com.fasterxml.jackson.core.type.TypeReference<List<GuardReading>>() { });
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(file + " is not a list of guard readings (" + Json.problem(e) + "); delete it "
                    + "to measure them again", e);
        }
    }

    /** The trainer of stage {@code i}: resumed from its own checkpoint, or new from its start. */
    private UnifiedTrainer trainer(int i, Stage stage, Path out) {
        if (Files.isRegularFile(out.resolve("config.json"))) {
            UnifiedCheckpoint.Loaded loaded = UnifiedCheckpoint.load(out);
            return UnifiedTrainer.resume(loaded, stage.training());
        }
        UnifiedModel model = start(i, stage);
        try {
            model = model.withTaskTags(tags(stage.training()));
            return new UnifiedTrainer(model, stage.training());
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** The model stage {@code i} starts from, its context grown to the curriculum model's when shorter. */
    private UnifiedModel start(int i, Stage stage) {
        String s = stage.start();
        if (s.equals(Stage.FRESH)) {
            return UnifiedModel.create(UnifiedRun.config(curriculum.model()), stage.training().seed());
        }
        UnifiedModel loaded;
        if (s.equals(Stage.PREVIOUS)) {
            loaded = UnifiedCheckpoint.load(stageFolder(i - 1)).model();
        } else if (s.startsWith(Stage.SHIPPED)) {
            loaded = UnifiedCheckpoint.pretrained(s.substring(Stage.SHIPPED.length())).model();
        } else {
            loaded = UnifiedCheckpoint.load(Path.of(s)).model();
        }
        try {
            return loaded.withContext(UnifiedRun.config(curriculum.model()).transformer().context());
        } catch (RuntimeException e) {
            loaded.close();
            throw e;
        }
    }

    /** The tags the stage's tasks open their sequences with. */
    static Set<String> tags(UnifiedTrainingConfig training) {
        Set<String> tags = new LinkedHashSet<>();
        for (String name : training.mix().names()) {
            Task t = training.mix().task(name);
            tags.add(t.tag());
        }
        return tags;
    }

    /** True when {@code out} holds the stage's checkpoint at its last step. */
    private static boolean finished(Path out, Stage stage) {
        if (!Files.isRegularFile(out.resolve("config.json"))) {
            return false;
        }
        UnifiedCheckpoint.Manifest m = UnifiedCheckpoint.manifest(out);
        if (!m.training().equals(stage.training())) {
            throw new IllegalArgumentException(out + " was trained with " + m.training() + ", not stage " + stage.name()
                    + "'s recipe " + stage.training() + "; run the curriculum in another folder");
        }
        return m.step() >= stage.training().steps();
    }

    /**
     * Refuses a folder that holds another curriculum, or other files without one; writes nothing
     * (a curriculum refused by a later check must not claim the folder).
     */
    private void checkFolder() {
        Path file = folder.resolve(CURRICULUM_FILE);
        try {
            if (Files.isRegularFile(file)) {
                Curriculum there = Curriculum.read(file);
                if (!there.equals(curriculum)) {
                    throw new IllegalArgumentException(folder + " holds a run of another curriculum (" + there.name()
                            + ", see its " + CURRICULUM_FILE + "); resume it with that curriculum, or choose another folder");
                }
                return;
            }
            if (Files.isDirectory(folder)) {
                try (var entries = Files.list(folder)) {
                    if (entries.findAny().isPresent()) {
                        throw new IllegalArgumentException(folder + " is not empty and holds no " + CURRICULUM_FILE
                                + "; run the curriculum in a new or empty folder");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the curriculum folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Writes the curriculum's JSON into the folder, once. */
    private void writeCurriculum() {
        Path file = folder.resolve(CURRICULUM_FILE);
        if (Files.isRegularFile(file)) {
            return;
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the curriculum folder " + folder + ": " + e.getMessage(), e);
        }
        dev.tessera.engine.io.AtomicFile.write(file, curriculum.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private Map<String, Object> stageProvenance(int i, Stage stage) {
        Map<String, Object> p = new LinkedHashMap<>(provenance);
        p.put("curriculum", curriculum.name());
        p.put("stage", (i + 1) + "/" + curriculum.stages().size() + " " + stage.name());
        p.put("start", stage.start());
        Path from = stage.start().equals(Stage.PREVIOUS) ? stageFolder(i - 1)
                : stage.start().equals(Stage.FRESH) || stage.start().startsWith(Stage.SHIPPED) ? null : Path.of(stage.start());
        if (from != null) {
            // the earlier checkpoint's own record, so one provenance file reproduces every stage
            p.put("initialisedFrom", UnifiedCheckpoint.provenance(from));
        }
        p.put("startedAt", Instant.now().toString());
        return p;
    }

    private static UnifiedConfig startConfig(Stage s) {
        if (s.start().startsWith(Stage.SHIPPED)) {
            String name = s.start().substring(Stage.SHIPPED.length());
            return UnifiedCheckpoint.shippedManifest(name).model();
        }
        return UnifiedCheckpoint.manifest(Path.of(s.start())).model();
    }

    /**
     * True when a checkpoint of {@code b} can start a stage of a curriculum over {@code a}: the
     * same model, except that {@code b}'s context may be shorter (the stage grows it,
     * {@link UnifiedModel#withContext}).
     */
    private static boolean sameArchitecture(UnifiedConfig a, UnifiedConfig b) {
        return b.transformer().context() <= a.transformer().context()
                && a.transformer().equals(b.transformer().withContext(a.transformer().context())) && a.embedding() == b.embedding()
                && a.imageTokenizer().equals(b.imageTokenizer()) && a.freezeText() == b.freezeText()
                && a.textVocabSize() == b.textVocabSize() && a.textCorpus().equals(b.textCorpus())
                && a.stacking().equals(b.stacking());
    }

    private static String describe(UnifiedConfig c) {
        return "width " + c.transformer().width() + " x " + c.transformer().layers() + " layers, context "
                + c.transformer().context() + ", " + c.embedding().id() + (c.freezeText() ? " (text frozen)" : "")
                + " over " + c.imageTokenizer() + (c.stacking().folds() ? " (levels stacked per position)" : "") + ", "
                + c.textVocabSize() + " BPE ids on " + c.textCorpus();
    }
}
