package dev.tessera.engine.unified;

import dev.tessera.engine.judge.JudgeCheckpoint;
import dev.tessera.engine.judge.SceneJudge;
import dev.tessera.engine.lm.SamplingConfig;
import dev.tessera.engine.prompt.PromptCategory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GenerationEvaluationTest {

    @Test
    void everyCategoryIsDrawnJudgedAndBoundedByTheJudgeOnRealScenes() {
        try (UnifiedModel model = UnifiedModel.create(UnifiedConfig.tiny(), 3);
             SceneJudge judge = JudgeCheckpoint.pretrained(JudgeCheckpoint.DEFAULT)) {
            GenerationEvaluation.Scored s = GenerationEvaluation.score(model, judge, new GenerationEvaluationConfig(2, 2, 1),
                    SamplingConfig.images(4));
            GenerationReport r = s.report();
            assertThat(r.categories()).extracting(CategoryScore::category).containsExactly(PromptCategory.values());
            assertThat(r.images()).isEqualTo(6 * 2 * 2);
            assertThat(r.judge()).isEqualTo(JudgeCheckpoint.DEFAULT);
            for (CategoryScore c : r.categories()) {
                assertThat(c.images()).isEqualTo(4);
                // four images: every score is a whole number of quarters
                assertThat(c.accuracy() * 4).isCloseTo(Math.rint(c.accuracy() * 4), within(1e-9));
                assertThat(c.prompts()).isEqualTo(2);
                assertThat(c.objectsRight()).isGreaterThanOrEqualTo(c.accuracy());
                if (c.category() != PromptCategory.POSITION) {
                    assertThat(c.objectsRight()).isEqualTo(c.accuracy());
                }
                assertThat(c.diversity()).isBetween(0.5, 1.0);
                assertThat(c.judgeOnTokenized()).isBetween(0.0, 1.0);
                // the judge passes few real near misses (an object too many, swapped colours, the opposite relation)
                assertThat(c.judgeFalsePass()).isLessThanOrEqualTo(0.25);
            }
            // the overall score is the unweighted mean over categories, not over images
            double mean = r.categories().stream().mapToDouble(CategoryScore::accuracy).average().orElseThrow();
            assertThat(r.overall()).isCloseTo(mean, within(1e-12));
            // an untrained tiny model draws noise: the judge finds few of its images right
            assertThat(r.overall()).isLessThan(0.3);
            // the judge reads real scenes of the same prompts almost perfectly: the reference a generator is held to
            assertThat(r.judgeOnReal()).isGreaterThanOrEqualTo(0.85);
            assertThat(r.cfgScale()).isEqualTo(2.0);
            // one image kept per category, with what the judge saw in it
            assertThat(s.samples()).hasSize(6).allSatisfy(g -> assertThat(g.judgeSaw()).isNotBlank());
            assertThat(s.samples().get(0).judgeSaw()).isEqualTo(judge.judge(s.samples().get(0).image()).caption());
        }
    }

    @Test
    void theStandardErrorIsOverPromptsNotImages() {
        // shares 1, 0, 1, 0: mean 0.5, sample variance 1/3, over 4 prompts: sqrt(1/12)
        assertThat(GenerationEvaluation.standardError(java.util.List.of(1.0, 0.0, 1.0, 0.0)))
                .isCloseTo(Math.sqrt(1 / 12.0), within(1e-12));
        assertThat(GenerationEvaluation.standardError(java.util.List.of(0.5, 0.5))).isZero();
        assertThat(GenerationEvaluation.standardError(java.util.List.of(0.5))).isNaN();
    }

    @Test
    void aJudgeOfAnotherSizeIsRefused() {
        try (UnifiedModel model = UnifiedModel.create(UnifiedConfig.tiny(), 3);
             SceneJudge judge = SceneJudge.create("small", dev.tessera.engine.judge.JudgeConfig.tiny(), 1)) {
            assertThatThrownBy(() -> GenerationEvaluation.evaluate(model, judge, GenerationEvaluationConfig.quick(),
                    SamplingConfig.images(0))).hasMessageContaining("reads 16px images but the model draws 32px");
        }
    }
}
