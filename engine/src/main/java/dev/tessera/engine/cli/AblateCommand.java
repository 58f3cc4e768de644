package dev.tessera.engine.cli;

import dev.tessera.engine.ablation.Ablation;
import dev.tessera.engine.ablation.AblationResults;
import dev.tessera.engine.ablation.AblationRunner;
import dev.tessera.engine.ablation.Ablations;
import dev.tessera.engine.ablation.ArmMetrics;
import dev.tessera.engine.runtime.RuntimeSettings;
import dev.tessera.engine.runtime.TesseraRuntime;
import dev.tessera.engine.train.TrainingLimits;
import dev.tessera.engine.train.TrainingStop;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** Trains and measures the arms of an ablation over several seeds into one results file (rerun to resume). */
@Command(name = "ablate", mixinStandardHelpOptions = true,
        description = "Train every arm of an ablation at every seed and measure it; finished runs are kept in --out "
                + "and not trained again, an interrupted one resumes from its folder under --runs.")
final class AblateCommand implements Callable<Integer> {

    @Option(names = "--ablation", required = true, description = "a shipped ablation: unicode, stacked, teal, prompts, self-enhance, setok or semantic")
    String ablation;

    @Option(names = "--arms", split = ",", description = "the arms to run (default: all)")
    List<String> arms;

    @Option(names = "--seeds", split = ",", defaultValue = "1,2,3", description = "training seeds of every arm")
    List<Long> seeds;

    @Option(names = "--steps", description = "every stage's steps (1.." + TrainingLimits.MAX_STEPS + "; default: the curriculum's)")
    Integer steps;

    @Option(names = "--batch", description = "every stage's batch size (1.." + TrainingLimits.MAX_BATCH + "; default: the curriculum's)")
    Integer batch;

    @Option(names = "--scenes", defaultValue = "256", description = "held-out scenes that measure each run")
    int scenes;

    @Option(names = "--samples", defaultValue = "8", description = "images per prompt for the judged text-to-image score (0 = skip)")
    int samples;

    @Option(names = "--prompts", defaultValue = "16", description = "prompts per GenEval category for that score (1..256)")
    int prompts;

    @Option(names = "--runs", required = true, description = "folder of the runs' checkpoints, one folder per arm and seed")
    Path runs;

    @Option(names = "--out", required = true, description = "results JSON file (shared by processes running other arms)")
    Path out;

    @Option(names = "--log-every", defaultValue = "100", description = "print progress every N steps")
    int logEvery;

    @Override
    public Integer call() {
        LogEvery.check(logEvery);
        Ablation a = Ablations.get(ablation);
        AblationRunner.Settings settings = new AblationRunner.Settings(arms, seeds, steps, batch,
                new ArmMetrics.Budget(scenes, samples, prompts));
        RuntimeSettings rt = TesseraRuntime.settings();
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("command", "TESSERA_THREADS=" + rt.threads() + " ./tessera engine ablate --ablation " + ablation
                + (arms != null ? " --arms " + String.join(",", arms) : "") + " --seeds "
                + String.join(",", seeds.stream().map(String::valueOf).toList()) + (steps != null ? " --steps " + steps : "")
                + (batch != null ? " --batch " + batch : "") + " --scenes " + scenes + " --samples " + samples + " --prompts " + prompts
                + " --runs " + runs + " --out " + out);
        provenance.put("threads", rt.threads());
        provenance.put("device", TesseraRuntime.device().toString());
        provenance.put("budget", settings.budget());
        AblationResults r = AblationRunner.run(a, settings, runs, out, p -> {
            if (p.progress().step() % logEvery == 0 || p.progress().step() == p.progress().totalSteps()) {
                System.out.println(p);
            }
        }, new TrainingStop(), provenance);
        System.out.println(r.runs().size() + " runs in " + out.toAbsolutePath());
        if (r.arms().size() >= 2) {
            for (String metric : r.measured()) {
                System.out.println(metric + ": " + r.summary(metric) + " -> " + r.verdict(metric));
            }
        }
        return 0;
    }
}
