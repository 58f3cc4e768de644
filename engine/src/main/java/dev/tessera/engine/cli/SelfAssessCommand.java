package dev.tessera.engine.cli;

import dev.tessera.engine.judge.JudgeCheckpoint;
import dev.tessera.engine.judge.SceneJudge;
import dev.tessera.engine.lm.SamplingConfig;
import dev.tessera.engine.prompt.PromptCategory;
import dev.tessera.engine.runtime.TesseraRuntime;
import dev.tessera.engine.unified.GenerationEvaluationConfig;
import dev.tessera.engine.unified.SelfAssessments;
import dev.tessera.engine.unified.UnifiedCheckpoint;
import dev.tessera.engine.unified.UnifiedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Makes a self-assessment pool (ILLUME's self-enhancing alignment, arXiv 2412.06673): a shipped
 * model draws images for GenEval-grammar prompts, the assessor assesses each, real scenes of the
 * prompts are tokenized, and the pool is written for the {@code assess} and {@code real-pairs}
 * tasks; the assessor's agreement with the examiner on the same drawings is printed and recorded.
 */
@Command(name = "self-assess", mixinStandardHelpOptions = true,
        description = "Let a model draw images for GenEval-style prompts, assess them with the assessor, and write the "
                + "self-assessment pool the assess and real-pairs tasks train on.")
final class SelfAssessCommand implements Callable<Integer> {

    @Option(names = "--model", defaultValue = UnifiedCheckpoint.ILLUME, description = "shipped model that draws (default ${DEFAULT-VALUE})")
    String model;

    @Option(names = "--assessor", defaultValue = JudgeCheckpoint.ASSESSOR, description = "the assessor: a shipped judge or a folder (default ${DEFAULT-VALUE})")
    String assessor;

    @Option(names = "--examiner", defaultValue = JudgeCheckpoint.DEFAULT, description = "the judge that scores models, for the agreement (default ${DEFAULT-VALUE})")
    String examiner;

    @Option(names = "--prompts", defaultValue = "32", description = "prompts per category (1..256)")
    int prompts;

    @Option(names = "--samples", defaultValue = "4", description = "images per prompt")
    int samples;

    @Option(names = "--prompt-seed", defaultValue = "8", description = "picks the prompts (the GenEval-style evaluation uses 7)")
    long promptSeed;

    @Option(names = "--seed", defaultValue = "99", description = "sampling seed of the drawings")
    long seed;

    @Option(names = "--scene-seed", defaultValue = "4242", description = "scene seed of the real images")
    long sceneSeed;

    @Option(names = "--out", required = true, description = "the pool file to write (.json.gz)")
    Path out;

    @Override
    public Integer call() {
        GenerationEvaluationConfig drawn = GenerationEvaluationConfig.full().withPrompts(prompts).withSamples(samples)
                .withPromptSeed(promptSeed);
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("command", "TESSERA_THREADS=" + TesseraRuntime.settings().threads() + " ./tessera engine self-assess"
                + " --model " + model + " --assessor " + assessor + " --examiner " + examiner + " --prompts " + prompts
                + " --samples " + samples + " --prompt-seed " + promptSeed + " --seed " + seed + " --scene-seed " + sceneSeed
                + " --out " + out);
        long started = System.nanoTime();
        int total = prompts * PromptCategory.values().length;
        try (SceneJudge a = TrainJudgeCommand.loadJudge(assessor);
             SceneJudge e = TrainJudgeCommand.loadJudge(examiner);
             UnifiedModel m = UnifiedCheckpoint.pretrained(model).model()) {
            SamplingConfig sampling = SamplingConfig.images(seed);
            SelfAssessments.Collected c = SelfAssessments.collect(m, model, a, e, drawn, sampling, sceneSeed, provenance, done -> {
                if (done % 16 == 0 || done == total) {
                    System.out.printf("%d/%d prompts drawn and assessed%n", done, total);
                }
            });
            double minutes = (System.nanoTime() - started) / 6e10;
            c.pool().withProvenance(Map.of("minutes", Math.round(minutes * 10) / 10.0)).write(out);
            System.out.printf("%d drawings, %.1f%% aligned by %s, in %.1f min; written to %s%n", c.pool().items().size(),
                    100 * c.pool().alignedShare(), a.name(), minutes, out);
            c.pool().alignedByCategory().forEach((category, share) ->
                    System.out.printf("  %-20s %.1f%% aligned%n", category, 100 * share));
            System.out.println(c.agreement());
        }
        return 0;
    }
}
