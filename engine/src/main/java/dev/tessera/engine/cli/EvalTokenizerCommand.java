package dev.tessera.engine.cli;

import dev.tessera.engine.data.EvaluationSet;
import dev.tessera.engine.data.PhotoCorpus;
import dev.tessera.engine.data.PhotoHeldOut;
import dev.tessera.engine.eval.PhotoReport;
import dev.tessera.engine.data.Scene;
import dev.tessera.engine.eval.TokenizerEvaluation;
import dev.tessera.engine.judge.JudgeCheckpoint;
import dev.tessera.engine.judge.JudgeEvaluation;
import dev.tessera.engine.judge.SceneJudge;
import dev.tessera.engine.tokenize.TokenizerCheckpoint;
import dev.tessera.engine.tokenize.TrainableTokenizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Evaluates a tokenizer checkpoint on held-out scenes: reconstruction error and codebook use,
 * and with {@code --judge} whether the scene judge still reads count, colours, shapes and
 * positions off the reconstructions (the ceiling of any generator writing this tokenizer's ids).
 */
@Command(name = "eval-tokenizer", mixinStandardHelpOptions = true,
        description = "Reconstruction PSNR and codebook utilization of a tokenizer on held-out scenes (or, with --photos, "
                + "photographs); with --judge, how often the scene judge reads the reconstructions right.")
final class EvalTokenizerCommand implements Callable<Integer> {

    @Option(names = "--checkpoint", description = "checkpoint folder (default: a shipped one, see --name)")
    Path checkpoint;

    @Option(names = "--name", defaultValue = TokenizerCheckpoint.DEFAULT, description = "shipped checkpoint name")
    String name;

    @Option(names = "--images", defaultValue = "512", description = "held-out scenes to evaluate on (1.." + EvaluationSet.MAX_IMAGES + ")")
    int images;

    @Option(names = "--judge", description = "also judge the reconstructions with this shipped judge (e.g. "
            + JudgeCheckpoint.DEFAULT + ", for 32px tokenizers)")
    String judge;

    @Option(names = "--photos", description = "evaluate on the held-out photographs instead (whole and cropped; needs the "
            + "photo packages: see PhotoCorpus)")
    boolean photos;

    @Override
    public Integer call() {
        EvaluationSet.checkCount(images);
        try (TrainableTokenizer<?> t = checkpoint == null ? TokenizerCheckpoint.pretrained(name)
                : TokenizerCheckpoint.load(checkpoint)) {
            if (photos) {
                PhotoCorpus corpus = PhotoCorpus.installed();
                System.out.println(t + " on the held-out photographs of " + corpus.all().size() + " ("
                        + corpus.heldOut().size() + " held out, " + PhotoHeldOut.CROPS + " crops each)\n"
                        + PhotoReport.evaluate(t, PhotoHeldOut.of(corpus, t.imageSize())).table());
                return 0;
            }
            System.out.println(t + "\n" + TokenizerEvaluation.evaluate(t,
                    EvaluationSet.load(EvaluationSet.Source.SCENES, images, t.imageSize()).images()));
            if (judge != null) {
                try (SceneJudge j = JudgeCheckpoint.pretrained(judge)) {
                    List<Scene> scenes = JudgeEvaluation.heldOut(j, images);
                    System.out.println("judge " + j.name() + " on " + JudgeEvaluation.evaluate(j, scenes));
                    System.out.println("judge " + j.name() + " on " + JudgeEvaluation.evaluate(j, scenes, t));
                }
            }
        }
        return 0;
    }
}
