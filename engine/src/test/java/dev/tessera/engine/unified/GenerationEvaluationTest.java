package dev.tessera.engine.unified;

import dev.tessera.engine.judge.JudgeCheckpoint;
import dev.tessera.engine.judge.SceneJudge;
import dev.tessera.engine.lm.SamplingConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GenerationEvaluationTest {

    @Test
    void everySingleObjectPromptIsDrawnAndJudgedAgainstRealScenes() {
        try (UnifiedModel model = UnifiedModel.create(UnifiedConfig.tiny(), 3);
             SceneJudge judge = JudgeCheckpoint.pretrained(JudgeCheckpoint.DEFAULT)) {
            GenerationReport r = GenerationEvaluation.evaluate(model, judge, 1, SamplingConfig.images(4));
            assertThat(r.prompts()).isEqualTo(21);
            assertThat(r.images()).isEqualTo(21);
            assertThat(r.byPrompt()).containsKey("a red circle").hasSize(21);
            // one image per prompt: every share is a whole number of 21sts, and the overall score is
            // the mean of the per-prompt scores, each 0 or 1
            double mean = r.byPrompt().values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            assertThat(r.byPrompt().values()).allSatisfy(v -> assertThat(v).isIn(0.0, 1.0));
            assertThat(r.judgedCorrect()).isCloseTo(mean, within(1e-12));
            assertThat(r.judgedCorrect() * 21).isCloseTo(Math.rint(r.judgedCorrect() * 21), within(1e-9));
            // an untrained tiny model draws noise: the judge finds few of its images right
            assertThat(r.judgedCorrect()).isLessThan(0.5);
            // the judge reads real single-object scenes almost perfectly: the reference a generator is held to
            assertThat(r.judgeOnReal()).isGreaterThanOrEqualTo(0.9);
            assertThat(r.judgeOnTokenized()).isLessThanOrEqualTo(r.judgeOnReal()).isGreaterThan(0.5);
            assertThat(r.cfgScale()).isEqualTo(2.0);
        }
    }
}
