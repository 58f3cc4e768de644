package dev.tessera.engine.unified;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.tessera.engine.data.EvaluationSet;
import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.lm.SequenceLoss;
import dev.tessera.engine.runtime.TesseraRuntime;
import dev.tessera.engine.task.CaptionReading;
import dev.tessera.engine.task.SceneQuestion;
import dev.tessera.engine.task.SceneQuestions;
import dev.tessera.engine.task.TaskBatch;
import dev.tessera.engine.task.TaskExample;
import dev.tessera.engine.task.AnswerTask;
import dev.tessera.engine.task.CaptionTask;
import dev.tessera.engine.task.GenerateTask;
import dev.tessera.engine.task.SceneItem;
import dev.tessera.engine.task.Task;
import dev.tessera.engine.tokenize.ImageTokens;
import dev.tessera.engine.vocab.SpecialToken;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Scores a unified model on held-out scenes (the held-out seed, never trained on): caption
 * attributes read back from its greedy captions, exact-match answers to one drawn question per
 * scene, and the held-out NLL of text and image targets.
 */
public final class UnifiedEvaluation {

    private static final int BATCH = 64;

    private UnifiedEvaluation() {
    }

    /** The report, with the first captions and answers it scored (to look at). */
    record Scored(UnifiedReport report, List<ModelEvaluation.CaptionSample> captions,
                  List<ModelEvaluation.AnswerSample> answers) {
    }

    /** Captions and questions {@code count} held-out scenes (1..{@link EvaluationSet#MAX_IMAGES}). */
    public static UnifiedReport evaluate(UnifiedModel model, int count) {
        return score(model, count, 0).report();
    }

    /** {@link #evaluate}, keeping the first {@code keep} captions and answers with their expected text. */
    static Scored score(UnifiedModel model, int count, int keep) {
        EvaluationSet.checkCount(count);
        SceneGenerator heldOut = new SceneGenerator(model.scenes(SceneConfig.HELD_OUT_SEED));
        SplittableRandom rng = new SplittableRandom(SceneConfig.HELD_OUT_SEED);
        int countOk = 0;
        int colourOk = 0;
        int shapeOk = 0;
        int exact = 0;
        int unreadable = 0;
        int answersOk = 0;
        Map<String, int[]> byTemplate = new LinkedHashMap<>();
        List<ModelEvaluation.CaptionSample> captionSamples = new ArrayList<>();
        List<ModelEvaluation.AnswerSample> answerSamples = new ArrayList<>();
        double textNll = 0;
        double imageNll = 0;
        int batches = 0;
        for (int from = 0; from < count; from += BATCH) {
            List<Scene> scenes = heldOut.scenes(from, Math.min(BATCH, count - from));
            List<dev.tessera.engine.image.RgbImage> images = scenes.stream().map(Scene::image).toList();
            List<Caption> captions = model.caption(images);
            List<SceneQuestion> questions = scenes.stream().map(s -> SceneQuestions.draw(s, rng)).toList();
            List<Answer> answers = model.answer(images, questions.stream().map(SceneQuestion::question).toList());
            for (int i = 0; i < scenes.size(); i++) {
                CaptionReading truth = CaptionReading.of(scenes.get(i));
                Optional<CaptionReading> got = CaptionReading.parse(captions.get(i).text());
                boolean allRight = false;
                if (got.isEmpty()) {
                    unreadable++;
                } else {
                    boolean c = got.get().objects() == truth.objects();
                    boolean col = got.get().colours().equals(truth.colours());
                    boolean sh = got.get().shapes().equals(truth.shapes());
                    countOk += c ? 1 : 0;
                    colourOk += col ? 1 : 0;
                    shapeOk += sh ? 1 : 0;
                    allRight = c && col && sh;
                    exact += allRight ? 1 : 0;
                }
                boolean right = answers.get(i).text().equals(questions.get(i).answer());
                if (captionSamples.size() < keep) {
                    captionSamples.add(new ModelEvaluation.CaptionSample(captions.get(i), scenes.get(i).caption(), allRight));
                    answerSamples.add(new ModelEvaluation.AnswerSample(answers.get(i), questions.get(i).template(),
                            questions.get(i).answer()));
                }
                answersOk += right ? 1 : 0;
                int[] t = byTemplate.computeIfAbsent(questions.get(i).template(), k -> new int[2]);
                t[0] += right ? 1 : 0;
                t[1]++;
            }
            double[] nll = nll(model, scenes, rng);
            textNll += nll[0];
            imageNll += nll[1];
            batches++;
        }
        Map<String, Double> templates = new LinkedHashMap<>();
        byTemplate.forEach((k, v) -> templates.put(k, (double) v[0] / v[1]));
        double n = count;
        return new Scored(new UnifiedReport(count, countOk / n, colourOk / n, shapeOk / n,
                (countOk + colourOk + shapeOk) / (3 * n), exact / n, unreadable / n, answersOk / n, templates,
                textNll / batches, imageNll / batches, null), captionSamples, answerSamples);
    }

    /**
     * Mean text and image NLL of all three tasks on {@code scenes} (teacher forcing, no gradient).
     * A model that reads SeTok spans writes no image: its text NLL is of captions and answers, its
     * image NLL NaN.
     */
    static double[] nll(UnifiedModel model, List<Scene> scenes, SplittableRandom rng) {
        List<? extends ImageTokens> grids = model.encodeImages(scenes.stream().map(Scene::image).toList());
        List<TaskExample> examples = new ArrayList<>();
        List<Task> tasks = List.of(new CaptionTask(), new GenerateTask(0), new AnswerTask());
        for (int i = 0; i < scenes.size(); i++) {
            for (Task t : tasks) {
                if (model.readsSpans() && t instanceof GenerateTask) {
                    // a span model writes no image; draw what the text-to-image example draws (its prompt
                    // dropout), so the held-out questions that follow are the ones a grid model is asked
                    rng.nextDouble();
                    continue;
                }
                examples.add(t.example(model.tasks(), new SceneItem(scenes.get(i), grids.get(i)), rng));
            }
        }
        TaskBatch b = TaskBatch.of(examples, model.vocabulary().layout(), model.vocabulary().id(SpecialToken.PAD));
        try (NDManager m = TesseraRuntime.newManager()) {
            Shape s = new Shape(b.batch(), b.length());
            NDArray nll = model.transformer().stacking().folds()
                    ? dev.tessera.engine.lm.StackedLoss.targetNll(model.transformer(), m, b.batch(), b.length(), b.inputs(),
                    b.targets())
                    : SequenceLoss.tokenNll(model.transformer().forward(m, m.create(b.inputs(), s)), m.create(b.targets(), s));
            return new double[] {SequenceLoss.maskedMean(nll, m.create(b.textMask(), s)).getFloat(),
                model.readsSpans() ? Double.NaN : SequenceLoss.maskedMean(nll, m.create(b.imageMask(), s)).getFloat()};
        }
    }
}
