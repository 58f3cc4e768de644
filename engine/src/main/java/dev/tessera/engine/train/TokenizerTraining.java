package dev.tessera.engine.train;

import dev.tessera.engine.data.EvaluationSet;
import dev.tessera.engine.data.PhotoCorpus;
import dev.tessera.engine.data.PhotoHeldOut;
import dev.tessera.engine.data.TrainingImages;
import dev.tessera.engine.eval.ReconstructionReport;
import dev.tessera.engine.eval.TokenizerEvaluation;
import dev.tessera.engine.runtime.RuntimeSettings;
import dev.tessera.engine.runtime.TesseraRuntime;
import dev.tessera.engine.tokenize.TokenizerCheckpoint;
import dev.tessera.engine.tokenize.TrainableTokenizer;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Trains an image tokenizer from scratch as a {@link TokenizerRun} says, on generated scenes,
 * then measures it on held-out scenes and writes its checkpoint with its provenance: what
 * {@code ./tessera engine train-tokenizer} and {@code %tessera train tokenizer} both run. The
 * trainer's progress (each step's reconstruction and quantizer losses and codebook health, see
 * {@link TokenizerTrainer}) goes to the listener; a stop or an interrupt ends it at a step
 * boundary with every finished step in the checkpoint, measured like a finished run.
 */
public final class TokenizerTraining {

    /** The checkpoint folder of the tokenizer trained last in this JVM, or null before the first. */
    private static volatile Path last;

    private TokenizerTraining() {
    }

    /**
     * The checkpoint folder of the tokenizer trained last in this JVM (by {@link #train}, e.g. from
     * {@code %tessera train tokenizer}), so a notebook can load it without repeating its folder.
     */
    public static Path last() {
        Path p = last;
        if (p == null) {
            throw new IllegalStateException("no tokenizer has been trained in this session yet; train one first "
                    + "(%tessera train tokenizer, or TokenizerTraining.train)");
        }
        return p;
    }

    /** Trains, measures and saves {@code run}; {@code command} is recorded in the provenance as what made it. */
    public static TokenizerRunResult train(TokenizerRun run, ProgressListener listener, TrainingStop stop, String command) {
        TokenizerTrainingConfig recipe = run.training();
        Map<String, Object> provenance = new LinkedHashMap<>();
        RuntimeSettings rt = TesseraRuntime.settings();
        provenance.put("command", command);
        provenance.put("threads", rt.threads());
        provenance.put("device", TesseraRuntime.device().toString());
        provenance.put("startedAt", Instant.now().toString());
        try (TrainableTokenizer<?> tokenizer = run.preset().create(run.name(), recipe.seed())) {
            TrainingImages images = run.preset().trainingImages(recipe.seed());
            TokenizerTrainingResult result = new TokenizerTrainer(tokenizer, recipe, images)
                    .listener(listener).stop(stop).checkpointTo(run.out(), provenance).run();
            ReconstructionReport heldOut = TokenizerEvaluation.evaluate(tokenizer, run.preset().photographs()
                    ? PhotoHeldOut.of(PhotoCorpus.installed(), tokenizer.imageSize()).images()
                    : EvaluationSet.load(EvaluationSet.Source.SCENES, run.evalImages(), tokenizer.imageSize()).images());
            provenance.put("seconds", result.seconds());
            provenance.put("heldOut", heldOut);
            provenance.put("utilization", heldOut.utilization());
            provenance.put("stepsDone", result.stepsDone());
            provenance.put("interrupted", result.interrupted());
            provenance.put("skippedSteps", result.skippedSteps());
            provenance.put("training", recipe);
            provenance.put(run.preset().photographs() ? "images" : "scenes", images.describe());
            TokenizerCheckpoint.save(tokenizer, run.out(), provenance);
            last = run.out();
            return new TokenizerRunResult(run, result, heldOut, tokenizer.codebookSize());
        }
    }
}
