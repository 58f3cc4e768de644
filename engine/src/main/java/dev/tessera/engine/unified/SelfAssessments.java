package dev.tessera.engine.unified;

import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.judge.JudgeVerdict;
import dev.tessera.engine.judge.SceneJudge;
import dev.tessera.engine.lm.SamplingConfig;
import dev.tessera.engine.prompt.Assessment;
import dev.tessera.engine.prompt.PromptCategory;
import dev.tessera.engine.prompt.ScenePrompt;
import dev.tessera.engine.prompt.ScenePrompts;
import dev.tessera.engine.task.SelfAssessment;
import dev.tessera.engine.task.SelfAssessmentPool;
import dev.tessera.engine.tokenize.TokenGrid;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The first half of ILLUME's self-enhancing alignment (arXiv 2412.06673): the model draws images
 * for prompts of the GenEval grammar, an assessor reads each drawing and writes an
 * {@link Assessment} (aligned or not, aspect by aspect, with a rationale), and a real scene of
 * each prompt is tokenized as its correction. The result is a {@link SelfAssessmentPool} that
 * {@code AssessTask} and its comparison {@code RealPairsTask} train on. The assessor must not be
 * the examiner that later scores the model, so the examiner's verdicts on the same drawings are
 * taken too and their agreement reported: how often the model would be taught what its examiner
 * would not say.
 */
public final class SelfAssessments {

    /** Scene indices reserved for each prompt's real scenes. */
    private static final long SCENES_PER_PROMPT = 100_000;

    private SelfAssessments() {
    }

    /**
     * What a collection made.
     *
     * @param pool      the assessments, ready to train on
     * @param agreement the assessor against the examiner on the same drawings
     */
    public record Collected(SelfAssessmentPool pool, JudgeAgreement agreement) {
    }

    /**
     * Draws {@code prompts.samplesPerPrompt()} images for each of {@code prompts.promptsPerCategory()}
     * prompts per category ({@code prompts.promptSeed()} picks them) with {@code model}, assesses them
     * with {@code assessor} and judges them with {@code examiner}; real scenes come from scene seed
     * {@code sceneSeed}. {@code progress} hears the number of prompts done.
     */
    public static Collected collect(UnifiedModel model, String modelName, SceneJudge assessor, SceneJudge examiner,
                                    GenerationEvaluationConfig prompts, SamplingConfig sampling, long sceneSeed,
                                    Map<String, Object> provenance, IntConsumer progress) {
        for (SceneJudge j : List.of(assessor, examiner)) {
            if (j.imageSize() != model.imageSize()) {
                throw new IllegalArgumentException(j.name() + " reads " + j.imageSize() + "px images but the model draws "
                        + model.imageSize() + "px ones; use judges of " + model.imageSize() + "px scenes");
            }
        }
        if (sceneSeed == SceneConfig.HELD_OUT_SEED) {
            throw new IllegalArgumentException("scene seed " + sceneSeed + " draws the held-out scenes every evaluation reads; "
                    + "the real pictures the model trains on must come from another seed (the shipped pool used 4242)");
        }
        SceneGenerator real = new SceneGenerator(new SceneConfig(model.imageSize(), 1, GenerationEvaluation.MAX_OBJECTS,
                sceneSeed));
        int n = prompts.samplesPerPrompt();
        List<SelfAssessment> items = new ArrayList<>();
        List<JudgeAgreement.Verdicts> verdicts = new ArrayList<>();
        TokenGrid shape = null;
        long p = 0;
        for (PromptCategory category : PromptCategory.values()) {
            for (ScenePrompt prompt : ScenePrompts.sample(category, prompts.promptsPerCategory(),
                    GenerationEvaluation.MAX_OBJECTS, prompts.promptSeed())) {
                Generation g = model.generate(prompt.text(), n, sampling.withSeed(sampling.seed() + 1000L * p), false);
                List<JudgeVerdict> assessed = assessor.judge(g.images());
                List<JudgeVerdict> examined = examiner.judge(g.images());
                List<TokenGrid> truth = model.imageTokenizer().encode(ScenePrompts.realScenes(prompt, real,
                        p * SCENES_PER_PROMPT, n).stream().map(Scene::image).toList());
                for (int i = 0; i < n; i++) {
                    Assessment a = Assessment.of(prompt, assessed.get(i));
                    TokenGrid drawn = g.grids().get(i);
                    shape = drawn;
                    items.add(new SelfAssessment(category.id(), prompt.text(), drawn.ids(), a.aligned(), a.rationale(),
                            truth.get(i).ids()));
                    verdicts.add(new JudgeAgreement.Verdicts(category, a.aligned(), prompt.satisfiedBy(examined.get(i))));
                }
                progress.accept((int) ++p);
            }
        }
        JudgeAgreement agreement = JudgeAgreement.of(assessor.name(), examiner.name(), verdicts);
        Map<String, Object> made = new LinkedHashMap<>(provenance);
        made.put("promptsPerCategory", prompts.promptsPerCategory());
        made.put("samplesPerPrompt", n);
        made.put("promptSeed", prompts.promptSeed());
        made.put("samplingSeed", sampling.seed());
        made.put("sampling", sampling.toString());
        made.put("sceneSeed", sceneSeed);
        made.put("agreementWithExaminer", agreement.toString());
        SelfAssessmentPool pool = new SelfAssessmentPool(modelName, assessor.name(), shape.rows(), shape.cols(),
                shape.depth(), shape.codebookSize(), items, made);
        return new Collected(pool, agreement);
    }
}
