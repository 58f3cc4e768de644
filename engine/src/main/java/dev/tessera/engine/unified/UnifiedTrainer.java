package dev.tessera.engine.unified;

import dev.tessera.engine.train.StepLoss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.tracker.Tracker;
import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.lm.AdamW;
import dev.tessera.engine.lm.LossWeighting;
import dev.tessera.engine.lm.ParameterSet;
import dev.tessera.engine.lm.SequenceLoss;
import dev.tessera.engine.lm.StackedLoss;
import dev.tessera.engine.runtime.TesseraRuntime;
import dev.tessera.engine.task.TaskBatch;
import dev.tessera.engine.task.SceneItem;
import dev.tessera.engine.task.SceneItems;
import dev.tessera.engine.task.TrainingItems;
import dev.tessera.engine.task.Task;
import dev.tessera.engine.task.TaskExample;
import dev.tessera.engine.task.Tasks;
import dev.tessera.engine.tokenize.ImageTokens;
import dev.tessera.engine.train.GradientClipping;
import dev.tessera.engine.train.Schedules;
import dev.tessera.engine.train.TrainingProgress;
import dev.tessera.engine.train.TrainingControls;
import dev.tessera.engine.train.TrainingStop;
import dev.tessera.engine.vocab.SpecialToken;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Trains a {@link UnifiedModel} on the three scene tasks at once (captioning, text-to-image,
 * question answering), loss on the target part only: AdamW with warm-up and cosine decay,
 * global-norm gradient clipping, a sub-manager per step. Step {@code s}'s batch is a pure
 * function of the seed and {@code s}, and the optimizer state is saved with the model, so a
 * run resumed from a checkpoint continues with exactly the losses of an uninterrupted one.
 *
 * <p>Stops at a step boundary on {@link TrainingStop#request()} or a thread interrupt and
 * then writes its checkpoint (when given a folder): finished steps are never lost.
 */
public final class UnifiedTrainer extends TrainingControls<UnifiedTrainer> implements AutoCloseable {

    /**
     * The progress part of an aligned stage ({@link CodebookAlignment}): the mean squared distance
     * per value between the tokenizer's codebook and the model's image table.
     */
    public static final String CODEBOOK_GAP = "codebook-gap";

    private final UnifiedModel model;
    private final UnifiedTrainingConfig config;
    private final AdamW optimizer;
    /** The mix's tasks, in its order. */
    private final List<Task> tasks;
    private final List<StepLoss> history = new ArrayList<>();
    /** UniCode's tokenizer steps and alignments, or null when the tokenizer is frozen. */
    private final CodebookAligner aligner;
    private int step;
    /** The step this run started from: 0 for a fresh run, the checkpoint's step when resumed. */
    private int runStart;
    /** Items from elsewhere (token shards), or null for generated scenes. */
    private TrainingItems items;

    /**
     * A trainer for {@code model} from step 0. Every task of the mix must be known ({@link Tasks})
     * and its tag bound in the model ({@link UnifiedModel#withTaskTags}); the weights
     * {@code config.trainable()} names learn, the others are frozen from now on.
     */
    public UnifiedTrainer(UnifiedModel model, UnifiedTrainingConfig config) {
        this.tasks = new ArrayList<>();
        for (String name : config.mix().names()) {
            Task t = config.mix().task(name);
            model.tasks().tagId(t);
            model.learnWords(t.words());
            tasks.add(t);
        }
        this.model = model;
        this.config = config;
        if (model.readsSpans()) {
            // a span model reads images only: a task that writes or edits them fails here, not mid-run
            TaskFingerprints.of(model, config.mix());
        }
        this.aligner = CodebookAligner.of(model, config.alignment());
        model.transformer().train(config.trainable());
        if (aligner != null) {
            // UniCode: the model's table learns beside the codebook, unless this arm freezes it or the
            // stage's selection leaves the image embedding out
            boolean selected = dev.tessera.engine.lm.ParameterGroups.select(model.transformer().parameters().names(),
                    config.trainable()).contains("embed.codebook");
            model.transformer().parameters().setTrainable("embed.codebook", selected && !config.alignment().freezesTable());
        }
        this.optimizer = new AdamW(model.transformer().parameters().manager(), 0.9, 0.95, 1e-8);
    }

    /**
     * A trainer that continues the checkpoint {@code loaded} came from, with its optimizer state,
     * step and loss history. {@code config} must be the checkpoint's own training config (another
     * schedule or batch would not continue the same run), and its tasks must still write what they
     * wrote when it was saved ({@link TaskFingerprints}).
     */
    public static UnifiedTrainer resume(UnifiedCheckpoint.Loaded loaded, UnifiedTrainingConfig config) {
        try {
            if (!loaded.training().equals(config)) {
                throw new IllegalArgumentException("the checkpoint " + loaded.folder() + " was trained with " + loaded.training()
                        + ", not " + config + "; resume with the same training config, or start a new run in another folder");
            }
            TaskFingerprints.checkUnchanged(loaded.model(), config.mix(), loaded.taskFingerprints(), loaded.folder());
        } catch (RuntimeException e) {
            loaded.model().close();
            throw e;
        }
        UnifiedTrainer t = new UnifiedTrainer(loaded.model(), config);
        UnifiedCheckpoint.loadOptimizer(loaded.folder(), t.optimizer, loaded.model());
        t.step = loaded.step();
        t.resumedAt(loaded.step());
        t.history.addAll(loaded.history());
        return t;
    }




    /**
     * The trainer of {@code run}, the one place that decides how a run starts: resumed from the
     * checkpoint in its folder (with that checkpoint's own recipe), from another checkpoint's
     * weights ({@code init}), or from new weights. A folder that already holds a checkpoint is
     * never trained over unless resumed.
     */
    public static UnifiedTrainer start(UnifiedRun run) {
        if (run.resume()) {
            UnifiedCheckpoint.Loaded loaded = UnifiedCheckpoint.load(run.out());
            return resume(loaded, loaded.training());
        }
        if (java.nio.file.Files.exists(run.out().resolve("config.json"))) {
            throw new IllegalArgumentException(run.out() + " already holds a checkpoint; resume it (resume=true in a notebook, "
                    + "--resume on the command line), or choose another folder");
        }
        UnifiedModel model = run.init() != null ? UnifiedCheckpoint.load(run.init()).model()
                : UnifiedModel.create(run.model(), run.training().seed());
        try {
            return new UnifiedTrainer(model, run.training());
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    public UnifiedModel model() {
        return model;
    }

    /** Steps finished so far. */
    public int step() {
        return step;
    }

    /** Runs until the configured step count or a stop; see the class comment. */
    public UnifiedTrainingResult run() {
        SceneGenerator scenes = new SceneGenerator(scenes());
        Tracker schedule = Schedules.warmupCosine(config.learningRate(), config.steps(), config.warmupSteps());
        runStart = step;
        listener().onVocabulary(model.vocabulary().layout().size());
        Run run = runSteps(step, config.steps(), config.checkpointEvery(), s -> {
            step = s;
            TaskBatch batch;
            if (items != null) {
                batch = batchOf(items.items((long) s * config.batchSize(), config.batchSize()), s);
            } else {
                List<Scene> drawn = drawn(scenes, s);
                if (aligner != null) {
                    aligner.tokenizerStep(drawn.stream().map(Scene::image).toList());
                }
                batch = batch(scenes, drawn, s);
            }
            StepLoss loss = step(batch, schedule.getNewValue(s + 1));
            if (aligner != null) {
                aligner.afterStep(s + 1);
            }
            if (loss == null) {
                return null;
            }
            history.add(loss);
            Map<String, Double> parts = new LinkedHashMap<>();
            parts.put("text", loss.textNll());
            parts.put("image", loss.imageNll());
            loss.tasks().forEach((task, nll) -> parts.put(StepLoss.TASK_PART + task, nll));
            if (aligner != null) {
                parts.put(CODEBOOK_GAP, aligner.gap());
            }
            return new StepReport(loss.loss(), parts, (long) batch.batch() * batch.length());
        }, () -> { }, this::save);
        step = run.steps();
        return new UnifiedTrainingResult(step, run.interrupted(), run.seconds(), history, run.tokensPerSecond(),
                skippedSteps());
    }

    /**
     * One optimizer step (number {@code step() + 1}) on {@code batch} at learning rate {@code lr}:
     * its losses, or null when the gradient norm was not finite and the step was skipped. The
     * step {@link #run()} takes, public so a benchmark times exactly it; it does not advance
     * {@link #step()}.
     */
    public StepLoss step(TaskBatch batch, double lr) {
        ParameterSet params = model.transformer().parameters();
        try (NDManager m = TesseraRuntime.newManager()) {
            NDArray in = m.create(batch.inputs(), new Shape(batch.batch(), batch.length()));
            NDArray target = m.create(batch.targets(), new Shape(batch.batch(), batch.length()));
            NDArray textMask = m.create(batch.textMask(), new Shape(batch.batch(), batch.length()));
            NDArray imageMask = m.create(batch.imageMask(), new Shape(batch.batch(), batch.length()));
            StepLoss loss;
            try (GradientCollector gc = TesseraRuntime.engine().newGradientCollector()) {
                // a stacked model scores the same flat targets, one NLL per id (StackedLoss)
                NDArray nll = model.transformer().stacking().folds() ? StackedLoss.targetNll(model.transformer(), m,
                        batch.batch(), batch.length(), batch.inputs(), batch.targets())
                        : SequenceLoss.tokenNll(model.transformer().forward(m, in), target);
                NDArray targets = textMask.add(imageMask);
                // token weighting keeps the masked mean's own arithmetic, so older runs reproduce bit for bit
                NDArray total = config.weighting() == LossWeighting.TOKEN ? SequenceLoss.maskedMean(nll, targets)
                        : nll.mul(m.create(config.weighting().weights(batch.targetMask(), batch.batch(), batch.length()),
                        targets.getShape())).sum();
                float value = total.getFloat();
                if (!Float.isFinite(value)) {
                    throw diverged(step + 1, config.learningRate(), config.maxGradNorm());
                }
                gc.backward(total);
                NDArray detached = nll.stopGradient();
                // a kind without targets in this batch has no NLL: NaN, not the 0 an empty mean gives
                loss = new StepLoss(step + 1, value,
                        TaskBatch.any(batch.textMask()) ? SequenceLoss.maskedMean(detached, textMask).getFloat() : Double.NaN,
                        TaskBatch.any(batch.imageMask()) ? SequenceLoss.maskedMean(detached, imageMask).getFloat() : Double.NaN,
                        perTask(detached, targets, batch));
            }
            List<NDArray> gradients = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (String name : params.names()) {
                if (params.isTrainable(name) && params.get(name).hasGradient()) {
                    gradients.add(params.get(name).getGradient());
                    names.add(name);
                }
            }
            double norm = GradientClipping.clipGlobalNorm(gradients, config.maxGradNorm());
            if (!Double.isFinite(norm)) {
                // a non-finite gradient would poison every weight: never apply it
                List<String> offenders = GradientClipping.nonFinite(names, gradients);
                GradientClipping.zeroGradients(gradients);
                nonFiniteGradient(step + 1, runStart == 0, offenders, config.learningRate(), config.maxGradNorm());
                return null;
            }
            optimizer.step(params, lr, config.weightDecay());
            return loss;
        }
    }

    /**
     * Mean target NLL of each task in {@code batch}, in the mix's order: one read-back of the
     * per-row sums of {@code nll} (B, T) over {@code targets}, the rest in Java.
     */
    private Map<String, Double> perTask(NDArray nll, NDArray targets, TaskBatch batch) {
        float[] rowSums = nll.mul(targets).sum(new int[] {1}).toFloatArray();
        float[] mask = batch.targetMask();
        Map<String, double[]> acc = new LinkedHashMap<>();
        for (int i = 0; i < batch.batch(); i++) {
            double count = 0;
            for (int j = 0; j < batch.length(); j++) {
                count += mask[i * batch.length() + j];
            }
            double[] a = acc.computeIfAbsent(batch.tasks().get(i), k -> new double[2]);
            a[0] += rowSums[i];
            a[1] += count;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (String name : config.mix().names()) {
            double[] a = acc.get(name);
            if (a != null && a[1] > 0) {
                out.put(name, a[0] / a[1]);
            }
        }
        return out;
    }

    /** The batch of step {@code s} (0-based): a pure function of the seed and {@code s}. */
    public TaskBatch batch(int s) {
        return items != null ? batchOf(items.items((long) s * config.batchSize(), config.batchSize()), s)
                : batch(new SceneGenerator(scenes()), s);
    }

    /**
     * Trains on {@code source}'s items (e.g. token shards on disk) instead of generated scenes.
     * Their grids must come from the model's own image tokenizer; UniCode's alignment, which
     * retrains the tokenizer on pictures, cannot run on stored tokens.
     */
    public UnifiedTrainer items(TrainingItems source) {
        if (aligner != null) {
            throw new IllegalArgumentException("this stage aligns the tokenizer with the model (UniCode), which needs the"
                    + " pictures; stored token shards hold only their ids: train it on generated scenes");
        }
        if (SceneItems.needEdits(tasks)) {
            throw new IllegalArgumentException("this stage trains edits, which are drawn from generated scenes; stored "
                    + "token shards hold no edits: train it on generated scenes");
        }
        this.items = source;
        return this;
    }

    /** The training scenes: the model's, or the stage's own range of objects. */
    private dev.tessera.engine.data.SceneConfig scenes() {
        dev.tessera.engine.data.SceneConfig own = model.scenes(config.seed());
        return config.objects() == null ? own : own.withObjects(config.objects().min(), config.objects().max());
    }

    private TaskBatch batch(SceneGenerator scenes, int s) {
        return batch(scenes, drawn(scenes, s), s);
    }

    private List<Scene> drawn(SceneGenerator scenes, int s) {
        return scenes.scenes((long) s * config.batchSize(), config.batchSize());
    }

    /** The batch of step {@code s} from {@code drawn}, scenes of {@code scenes}, with edits when a task reads them. */
    private TaskBatch batch(SceneGenerator scenes, List<Scene> drawn, int s) {
        List<? extends ImageTokens> tokens = model.encodeImages(drawn.stream().map(Scene::image).toList());
        return batchOf(SceneItems.of(drawn, tokens, SceneItems.needEdits(tasks), scenes, model::encodeGrids), s);
    }

    private TaskBatch batchOf(List<SceneItem> drawn, int s) {
        SplittableRandom rng = new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L + s);
        List<TaskExample> examples = new ArrayList<>(drawn.size());
        List<String> names = config.mix().names();
        for (int i = 0; i < drawn.size(); i++) {
            Task task = tasks.get(names.indexOf(config.mix().draw(rng)));
            examples.add(task.example(model.tasks(), drawn.get(i), rng));
        }
        TaskBatch b = TaskBatch.of(examples, model.vocabulary().layout(), model.vocabulary().id(SpecialToken.PAD));
        int positions = model.transformer().stacking().folds() ? StackedLoss.inputPositions(model.vocabulary().layout(),
                b.batch(), b.length(), b.inputs(), b.targets()) : b.length();
        if (positions > model.transformer().config().context()) {
            throw new IllegalStateException("a training sequence of " + (positions + 1) + " positions does not fit the context of "
                    + model.transformer().config().context() + "; raise the transformer's context");
        }
        return b;
    }


    private void save(int stepsDone, boolean interrupted) {
        saveCheckpoint(stepsDone, interrupted, Map.of(),
                p -> UnifiedCheckpoint.save(model, checkpointFolder(), config, stepsDone, history, optimizer, p));
    }

    /** Frees the optimizer state (the model stays open). */
    @Override
    public void close() {
        optimizer.close();
    }
}
