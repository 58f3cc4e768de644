package dev.tessera.engine.cli;

import dev.tessera.engine.curriculum.Curricula;
import dev.tessera.engine.curriculum.Curriculum;
import dev.tessera.engine.curriculum.CurriculumResult;
import dev.tessera.engine.curriculum.CurriculumRun;
import dev.tessera.engine.curriculum.GuardText;
import dev.tessera.engine.curriculum.StageListener;
import dev.tessera.engine.curriculum.StageProgress;
import dev.tessera.engine.curriculum.StageResult;
import dev.tessera.engine.train.GuardReading;
import dev.tessera.engine.runtime.RuntimeSettings;
import dev.tessera.engine.runtime.TesseraRuntime;
import dev.tessera.engine.train.TrainingLimits;
import dev.tessera.engine.train.TrainingStop;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** Trains (or resumes) a curriculum of stages into one folder, as {@code %tessera train <curriculum>} does. */
@Command(name = "train-curriculum", mixinStandardHelpOptions = true,
        description = "Train the stages of a curriculum back to back (running it again on the same --out resumes it).")
final class TrainCurriculumCommand implements Callable<Integer> {

    @Option(names = "--curriculum", required = true, description = "a shipped curriculum (scenes) or a curriculum JSON file")
    String curriculum;

    @Option(names = "--stage", description = "train the stages up to and including this one only")
    String stage;

    @Option(names = "--steps", description = "every stage's steps (1.." + TrainingLimits.MAX_STEPS + ")")
    Integer steps;

    @Option(names = "--batch", description = "every stage's batch size (1.." + TrainingLimits.MAX_BATCH + ")")
    Integer batch;

    @Option(names = "--seed", description = "train on another seed: stage k (from 0) gets this seed + k")
    Long seed;

    @Option(names = "--out", required = true, description = "run folder: the curriculum's JSON and one checkpoint per stage")
    Path out;

    @Option(names = "--log-every", defaultValue = "25", description = "print progress every N steps")
    int logEvery;

    @Override
    public Integer call() {
        LogEvery.check(logEvery);
        Curriculum c = Curricula.get(curriculum);
        if (stage != null) {
            c = c.upTo(stage);
        }
        if (steps != null) {
            c = c.withSteps(steps);
        }
        if (batch != null) {
            c = c.withBatchSize(batch);
        }
        if (seed != null) {
            c = c.withSeed(seed);
        }
        RuntimeSettings rt = TesseraRuntime.settings();
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("command", "TESSERA_THREADS=" + rt.threads() + " ./tessera engine train-curriculum --curriculum "
                + curriculum + (stage != null ? " --stage " + stage : "") + (steps != null ? " --steps " + steps : "")
                + (batch != null ? " --batch " + batch : "") + (seed != null ? " --seed " + seed : "") + " --out " + out);
        provenance.put("threads", rt.threads());
        provenance.put("device", TesseraRuntime.device().toString());
        CurriculumResult r = Curricula.train(new CurriculumRun(c, out), new StageListener() {
            @Override
            public void onProgress(StageProgress p) {
                if (p.progress().step() % logEvery == 0 || p.progress().step() == p.progress().totalSteps()) {
                    System.out.println(p);
                }
            }

            @Override
            public void onGuard(GuardReading g) {
                System.out.println(GuardText.line(g));
            }
        }, new TrainingStop(), provenance);
        for (StageResult s : r.stages()) {
            System.out.println(s.name() + ": " + (s.trainedNow() ? s.training().steps() + " steps"
                    + (s.training().interrupted() ? " (interrupted)" : "") : "already trained") + " -> " + s.checkpoint());
        }
        System.out.println(r.interrupted() ? "interrupted: run the same command again to resume" : "finished: the model is in "
                + r.lastCheckpoint().toAbsolutePath());
        return 0;
    }
}
