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
                assertThat(c.standardError()).isCloseTo(Math.sqrt(c.accuracy() * (1 - c.accuracy()) / 4), within(1e-12));
                assertThat(c.diversity()).isBetween(0.5, 1.0);
                assertThat(c.judgeOnTokenized()).isBetween(0.0, 1.0);
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
    void aJudgeOfAnotherSizeIsRefused() {
        try (UnifiedModel model = UnifiedModel.create(UnifiedConfig.tiny(), 3);
             SceneJudge judge = SceneJudge.create("small", dev.tessera.engine.judge.JudgeConfig.tiny(), 1)) {
            assertThatThrownBy(() -> GenerationEvaluation.evaluate(model, judge, GenerationEvaluationConfig.quick(),
                    SamplingConfig.images(0))).hasMessageContaining("reads 16px images but the model draws 32px");
        }
    }
}
