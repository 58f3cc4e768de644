package dev.tessera.engine.cli;

import dev.tessera.engine.data.EvaluationSet;
import dev.tessera.engine.judge.JudgeCheckpoint;
import dev.tessera.engine.judge.SceneJudge;
import dev.tessera.engine.lm.SamplingConfig;
import dev.tessera.engine.task.Task;
import dev.tessera.engine.task.Tasks;
import dev.tessera.engine.unified.EditEvaluation;
import dev.tessera.engine.unified.EditReport;
import dev.tessera.engine.unified.GenerationEvaluation;
import dev.tessera.engine.unified.ImageEditor;
import dev.tessera.engine.unified.GenerationEvaluationConfig;
import dev.tessera.engine.unified.TaskAccuracy;
import dev.tessera.engine.unified.UnifiedCheckpoint;
import dev.tessera.engine.unified.UnifiedEvaluation;
import dev.tessera.engine.unified.UnifiedModel;
import dev.tessera.engine.unified.UnifiedReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Evaluates a unified model on held-out scenes: captions, answers, held-out NLL. */
@Command(name = "eval-unified", mixinStandardHelpOptions = true,
        description = "Caption attribute accuracy, answer accuracy, held-out NLL and judged text-to-image of a unified model.")
final class EvalUnifiedCommand implements Callable<Integer> {

    @Option(names = "--checkpoint", description = "checkpoint folder (default: the shipped model)")
    Path checkpoint;

    @Option(names = "--name", defaultValue = UnifiedCheckpoint.DEFAULT,
            description = "shipped model to evaluate when no --checkpoint is given: ${COMPLETION-CANDIDATES}",
            completionCandidates = ShippedUnified.class)
    String name;

    @Option(names = "--edits", defaultValue = "64", description = "held-out edits per instruction kind to judge, for a "
            + "model that trained on editing (0 = skip, at most " + EditEvaluation.MAX_PER_KIND + ")")
    int edits;

    @Option(names = "--scenes", defaultValue = "512", description = "held-out scenes to caption and question (1.." + EvaluationSet.MAX_IMAGES + ")")
    int scenes;

    @Option(names = "--samples", defaultValue = "4",
            description = "images per prompt for the GenEval-style text-to-image score (0 = skip, at most "
                    + UnifiedModel.MAX_IMAGES + ")")
    int samples;

    @Option(names = "--prompts", defaultValue = "16", description = "prompts per category for the text-to-image score (1..256)")
    int prompts;

    @Option(names = "--temperature", defaultValue = "0.8", description = "sampling temperature for text-to-image")
    double temperature;

    @Option(names = "--top-k", defaultValue = "32", description = "top-k for text-to-image")
    int topK;

    @Option(names = "--cfg", defaultValue = "2.0", description = "classifier-free guidance scale for text-to-image")
    double cfg;

    @Option(names = "--seed", defaultValue = "0", description = "sampling seed for text-to-image")
    long seed;

    @Option(names = "--judge", defaultValue = JudgeCheckpoint.DEFAULT, description = "shipped judge that scores the images")
    String judge;

    @Option(names = "--record", description = "write the results into the checkpoint's provenance.json")
    boolean record;

    @Option(names = "--task", description = "also score this registered task's exact answers on the held-out scenes "
            + "(e.g. decompress, whose written-out codes are also scored id by id); repeatable")
    List<String> tasks = new ArrayList<>();

    @Override
    public Integer call() {
        if (record && checkpoint == null) {
            throw new IllegalArgumentException("--record needs --checkpoint FOLDER (the shipped model is read-only)");
        }
        // every setting is checked before minutes of evaluation, not after
        EvaluationSet.checkCount(scenes);
        GenerationEvaluationConfig generation = samples == 0 ? null
                : GenerationEvaluationConfig.full().withSamples(samples).withPrompts(prompts);
        List<Task> scored = tasks.stream().map(Tasks::get).toList();
        SamplingConfig sampling = new SamplingConfig(temperature, topK, 1.0, cfg, seed);
        if (edits < 0 || edits > EditEvaluation.MAX_PER_KIND) {
            throw new IllegalArgumentException("--edits must be in 0.." + EditEvaluation.MAX_PER_KIND + ", got " + edits);
        }
        UnifiedCheckpoint.Loaded loaded = checkpoint == null ? UnifiedCheckpoint.pretrained(name)
                : UnifiedCheckpoint.load(checkpoint);
        // a task a stage bound keeps its tag id; one the model never trained on gets a spare id
        try (UnifiedModel model = loaded.model().withTaskTags(scored.stream().map(Task::tag).toList())) {
            long start = System.nanoTime();
            UnifiedReport report = UnifiedEvaluation.evaluate(model, scenes);
            if (samples > 0) {
                try (SceneJudge j = JudgeCheckpoint.pretrained(judge)) {
                    report = report.withGeneration(GenerationEvaluation.evaluate(model, j, generation, sampling));
                }
            }
            System.out.println(report);
            if (record) {
                UnifiedCheckpoint.record(checkpoint, "heldOut", report);
            }
            if (edits > 0 && ImageEditor.canEdit(model)) {
                try (SceneJudge j = JudgeCheckpoint.pretrained(judge)) {
                    EditReport e = EditEvaluation.evaluate(model, checkpoint == null ? name : checkpoint.toString(), j, edits);
                    System.out.print(e.table());
                    if (record) {
                        UnifiedCheckpoint.record(checkpoint, "edits", java.util.Map.of("perKind", edits, "judge", j.name(),
                                "overall", e.overall(), "kinds", e.kinds()));
                    }
                }
            }
            for (Task task : scored) {
                TaskAccuracy t = TaskAccuracy.evaluate(model, task, scenes);
                System.out.printf(Locale.ROOT, "task %s: %d/%d exact (%.1f%%), %.1f%% of the target's ids right%n", t.task(),
                        t.correct(), t.scenes(), 100 * t.accuracy(), 100 * t.idAccuracy());
                t.samples().stream().limit(3).forEach(x -> System.out.printf("  scene %d expected %s, wrote %s%n", x.scene(),
                        x.expected(), x.written()));
                if (record) {
                    UnifiedCheckpoint.record(checkpoint, "task:" + t.task(), t);
                }
            }
            System.out.printf("(%.0f s)%n", (System.nanoTime() - start) / 1e9);
        }
        return 0;
    }

    /** The shipped unified models, for --name's help. */
    static final class ShippedUnified implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return UnifiedCheckpoint.SHIPPED.iterator();
        }
    }
}
