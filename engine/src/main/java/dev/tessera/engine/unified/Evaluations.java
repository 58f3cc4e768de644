package dev.tessera.engine.unified;

import dev.tessera.engine.data.EvaluationSet;
import dev.tessera.engine.judge.JudgeCheckpoint;
import dev.tessera.engine.judge.SceneJudge;
import dev.tessera.engine.lm.SamplingConfig;
import dev.tessera.engine.task.AnswerTask;
import dev.tessera.engine.task.CaptionTask;
import dev.tessera.engine.task.GenerateTask;
import dev.tessera.engine.task.Task;
import dev.tessera.engine.task.Tasks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores several models side by side on the same held-out scenes and tasks, in one call (what
 * {@code %tessera evaluate} runs): for each model the held-out captions, answers and text/image
 * NLL ({@link UnifiedEvaluation}), each registered task asked for ({@link TaskAccuracy}), and
 * text-to-image judged GenEval-style when {@value GenerateTask#NAME} is asked for
 * ({@link GenerationEvaluation}, {@link GenerationEvaluationConfig#quick()}), with a few captions,
 * answers and drawn images (one per prompt category) to look at.
 *
 * <p>Cost, measured on the shipped model with {@code TESSERA_THREADS=1} on a shared two-core
 * machine: loading it about 2 s (once per session), the held-out captions, answers and NLL of
 * {@value #DEFAULT_SCENES} scenes 3.4 to 7.5 s (the spread is the machine's other load), a
 * registered task about 1 s more, and {@value GenerateTask#NAME} 7 to 8 s more (GenEval-style:
 * 6 prompt categories, 4 prompts x 2 images each). The captions, answers and NLL always run together, so the NLL columns are there
 * whatever tasks are asked for.
 */
public final class Evaluations {

    /** Held-out scenes scored when none are asked for: a few seconds per model (see above). */
    public static final int DEFAULT_SCENES = 64;
    /** Tasks scored when none are asked for. */
    public static final List<String> DEFAULT_TASKS = List.of(CaptionTask.NAME, AnswerTask.NAME);
    /** Most models on one board. */
    public static final int MAX_MODELS = 8;
    /** Captions and answers kept per model, to look at. */
    static final int SAMPLES = 4;
    /** Prompts and images of the judged text-to-image score: {@link GenerationEvaluationConfig#quick()}. */
    static final GenerationEvaluationConfig GENERATION = GenerationEvaluationConfig.quick();

    private Evaluations() {
    }

    /**
     * Scores {@code models} (names as {@link UnifiedModels#model} takes them) on {@code tasks}
     * ({@value CaptionTask#NAME}, {@value AnswerTask#NAME}, {@value GenerateTask#NAME}, or any
     * {@link Tasks registered} task with a text answer) over the first {@code scenes} held-out
     * scenes. Every argument is checked, and every model loaded, before the first is scored.
     */
    public static EvaluationBoard evaluate(List<String> models, List<String> tasks, int scenes) {
        check(models, tasks, scenes);
        List<UnifiedModel> loaded = new ArrayList<>();
        for (String name : models) {
            UnifiedModel m = UnifiedModels.model(name);
            registered(tasks).forEach(t -> {
                try {
                    m.tasks().tagId(t);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("model " + name + " cannot do task " + t.name() + ": "
                            + e.getMessage(), e);
                }
            });
            loaded.add(m);
        }
        List<ModelEvaluation> rows = new ArrayList<>();
        try (SceneJudge judge = tasks.contains(GenerateTask.NAME) ? JudgeCheckpoint.pretrained(JudgeCheckpoint.DEFAULT)
                : null) {
            for (int i = 0; i < models.size(); i++) {
                rows.add(evaluate(models.get(i), loaded.get(i), tasks, scenes, judge));
            }
        }
        return new EvaluationBoard(tasks, scenes, rows);
    }

    /**
     * Refuses, with the fix, what {@link #evaluate} cannot do, without loading anything: no model
     * or more than {@value #MAX_MODELS}, an empty model name, a model or task named twice, an
     * unknown task, or a scene count outside 1..{@link EvaluationSet#MAX_IMAGES}.
     */
    public static void check(List<String> models, List<String> tasks, int scenes) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("name at least one model: " + UnifiedCheckpoint.DEFAULT
                    + " (shipped), a checkpoint folder or " + UnifiedModels.LAST);
        }
        if (models.size() > MAX_MODELS) {
            throw new IllegalArgumentException("at most " + MAX_MODELS + " models side by side, got " + models.size()
                    + "; evaluate the rest on a second board");
        }
        if (models.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("a model name is empty; name " + UnifiedCheckpoint.DEFAULT
                    + ", a checkpoint folder or " + UnifiedModels.LAST);
        }
        once(models, "model");
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("name at least one task: " + String.join(", ", Tasks.names()));
        }
        once(tasks, "task");
        tasks.forEach(Tasks::get);
        EvaluationSet.checkCount(scenes);
    }

    private static void once(List<String> names, String what) {
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            if (!seen.add(n)) {
                throw new IllegalArgumentException(what + " '" + n + "' is named twice; name each " + what + " once");
            }
        }
    }

    /** The asked-for tasks that are not Tessera's own three: scored by their exact answers. */
    private static List<Task> registered(List<String> tasks) {
        return tasks.stream().filter(t -> !List.of(CaptionTask.NAME, AnswerTask.NAME, GenerateTask.NAME).contains(t))
                .map(Tasks::get).toList();
    }

    private static ModelEvaluation evaluate(String name, UnifiedModel model, List<String> tasks, int scenes,
                                            SceneJudge judge) {
        long start = System.nanoTime();
        UnifiedEvaluation.Scored held = UnifiedEvaluation.score(model, scenes, SAMPLES);
        UnifiedReport report = held.report();
        Map<String, Double> accuracy = new LinkedHashMap<>();
        List<TaskAccuracy> scored = new ArrayList<>();
        List<ModelEvaluation.GeneratedSample> generated = List.of();
        for (String task : tasks) {
            switch (task) {
                case CaptionTask.NAME -> accuracy.put(task, report.attributeAccuracy());
                case AnswerTask.NAME -> accuracy.put(task, report.answerAccuracy());
                case GenerateTask.NAME -> {
                    GenerationEvaluation.Scored g = GenerationEvaluation.score(model, judge, GENERATION,
                            SamplingConfig.images(0));
                    report = report.withGeneration(g.report());
                    generated = g.samples();
                    accuracy.put(task, g.report().overall());
                }
                default -> {
                    TaskAccuracy t = TaskAccuracy.evaluate(model, Tasks.get(task), scenes);
                    scored.add(t);
                    accuracy.put(task, t.accuracy());
                }
            }
        }
        return new ModelEvaluation(name, accuracy, report, scored,
                tasks.contains(CaptionTask.NAME) ? held.captions() : List.of(),
                tasks.contains(AnswerTask.NAME) ? held.answers() : List.of(), generated,
                (System.nanoTime() - start) / 1e9);
    }
}
