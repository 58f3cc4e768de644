package dev.tessera.engine.cli;

import dev.tessera.engine.data.EvaluationSet;
import dev.tessera.engine.data.PhotoCorpus;
import dev.tessera.engine.data.PhotoHeldOut;
import dev.tessera.engine.eval.FamiliarityCalibration;
import dev.tessera.engine.eval.PhotoReport;
import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.tokenize.Familiarity;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    @Option(names = "--calibrate", description = "measure the tokenizer's familiarity floor (FamiliarityCalibration) and "
            + "write it to this familiarity.json")
    Path calibrate;

    @Option(names = "--instead", defaultValue = "photo-64", description = "with --calibrate: the tokenizer a flagged image "
            + "should use instead (empty for none)")
    String instead;

    @Override
    public Integer call() {
        EvaluationSet.checkCount(images);
        try (TrainableTokenizer<?> t = checkpoint == null ? TokenizerCheckpoint.pretrained(name)
                : TokenizerCheckpoint.load(checkpoint)) {
            if (calibrate != null) {
                return calibrate(t);
            }
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

    /** --calibrate: the floor from calibration images of the tokenizer's kind, and how many evaluation images it flags. */
    private int calibrate(TrainableTokenizer<?> t) {
        boolean photoTokenizer = photos;
        Familiarity.Calibration c = FamiliarityCalibration.calibrate(t, photoTokenizer ? FamiliarityCalibration.photos(t.imageSize())
                : FamiliarityCalibration.scenes(t.imageSize()), photoTokenizer ? "photographs" : "synthetic scenes",
                photoTokenizer ? "" : instead);
        Map<String, Object> measured = new LinkedHashMap<>();
        measured.put("flaggedHeldOutScenes", FamiliarityCalibration.flaggedShare(t, c,
                EvaluationSet.load(EvaluationSet.Source.SCENES, 512, t.imageSize()).images()));
        measured.put("heldOutScenes", 512);
        PhotoHeldOut held = PhotoHeldOut.of(PhotoCorpus.installed(), t.imageSize());
        List<RgbImage> wholePhotos = held.entries().stream().filter(PhotoHeldOut.Entry::whole).map(PhotoHeldOut.Entry::image).toList();
        measured.put("flaggedHeldOutPhotos", FamiliarityCalibration.flaggedShare(t, c, wholePhotos));
        measured.put("heldOutPhotos", wholePhotos.size());
        String command = "./tessera engine eval-tokenizer " + (checkpoint == null ? "--name " + name : "--checkpoint " + checkpoint)
                + (photos ? " --photos" : "") + " --calibrate " + calibrate + (photos ? "" : " --instead " + instead);
        try {
            FamiliarityCalibration.write(c, command, measured, calibrate);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + calibrate, e);
        }
        System.out.println(t + ": familiarity floor " + String.format(java.util.Locale.ROOT, "%.2f", c.floor()) + " dB, " + measured
                + "\nwritten to " + calibrate);
        return 0;
    }
}
