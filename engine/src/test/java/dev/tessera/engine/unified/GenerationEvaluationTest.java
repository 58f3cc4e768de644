package dev.tessera.engine.unified;

import dev.tessera.engine.judge.JudgeCheckpoint;
import dev.tessera.engine.judge.SceneJudge;
import dev.tessera.engine.lm.SamplingConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GenerationEvaluationTest {

    @Test
    void everySingleObjectPromptIsDrawnAndJudgedAgainstRealScenes() {
        try (UnifiedModel model = UnifiedModel.create(UnifiedConfig.tiny(), 3);
             SceneJudge judge = JudgeCheckpoint.pretrained(JudgeCheckpoint.DEFAULT)) {
            GenerationReport r = GenerationEvaluation.evaluate(model, judge, 1, SamplingConfig.images(4));
            assertThat(r.prompts()).isEqualTo(21);
            assertThat(r.images()).isEqualTo(21);
            assertThat(r.byPrompt()).containsKey("a red circle").hasSize(21);
            assertThat(r.judgedCorrect()).isBetween(0.0, 1.0);
            // the judge reads real single-object scenes almost perfectly: the reference a generator is held to
            assertThat(r.judgeOnReal()).isGreaterThanOrEqualTo(0.9);
            assertThat(r.judgeOnTokenized()).isLessThanOrEqualTo(1.0);
            assertThat(r.cfgScale()).isEqualTo(2.0);
        }
    }
}
