package dev.tessera.engine.unified;

import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.judge.JudgeCheckpoint;
import dev.tessera.engine.judge.SceneJudge;
import dev.tessera.engine.lm.SamplingConfig;
import dev.tessera.engine.prompt.Assessment;
import dev.tessera.engine.prompt.PromptCategory;
import dev.tessera.engine.prompt.ScenePrompts;
import dev.tessera.engine.task.AssessTask;
import dev.tessera.engine.task.SelfAssessment;
import dev.tessera.engine.task.SelfAssessmentPool;
import dev.tessera.engine.task.TaskSequences;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

class SelfAssessmentsTest {

    @Test
    void theModelsDrawingsAreAssessedAndEachPromptGetsARealImage() {
        try (UnifiedModel model = UnifiedCheckpoint.pretrained(UnifiedCheckpoint.ILLUME).model();
             SceneJudge assessor = JudgeCheckpoint.pretrained(JudgeCheckpoint.ASSESSOR);
             SceneJudge judge = JudgeCheckpoint.pretrained(JudgeCheckpoint.DEFAULT)) {
            GenerationEvaluationConfig few = new GenerationEvaluationConfig(1, 2, 8);
            List<Integer> progress = new ArrayList<>();
            SelfAssessments.Collected c = SelfAssessments.collect(model, "illume-shapes32", assessor, judge, few,
                    SamplingConfig.images(3), 4242, Map.of("command", "test"), progress::add);
            int n = PromptCategory.values().length * 2;
            assertThat(c.pool().items()).hasSize(n);
            assertThat(progress).hasSize(PromptCategory.values().length);
            assertThat(c.agreement().images()).isEqualTo(n);
            assertThat(c.pool().provenance()).containsEntry("command", "test").containsKey("agreementWithExaminer");
            // the same drawings again from the same seeds; the assessment is the assessor's reading of them
            SelfAssessments.Collected again = SelfAssessments.collect(model, "illume-shapes32", assessor, judge, few,
                    SamplingConfig.images(3), 4242, Map.of(), k -> { });
            for (int i = 0; i < n; i++) {
                SelfAssessment a = c.pool().items().get(i);
                SelfAssessment b = again.pool().items().get(i);
                assertThat(b.drawn()).containsExactly(a.drawn());
                assertThat(b.real()).containsExactly(a.real());
                assertThat(b.rationale()).isEqualTo(a.rationale());
                assertThat(b.aligned()).isEqualTo(a.aligned());
                assertThat(a.rationale()).startsWith(a.aligned() ? "yes, it shows" : "no, it shows");
            }
            // each stored verdict is the assessor's reading of the stored drawing (decoded as generation decodes: the
            // prompt's pictures in one batch), and the examiner's pass share is its own reading of them
            int examinerPasses = 0;
            for (int k = 0; k < n; k += 2) {
                List<SelfAssessment> pair = c.pool().items().subList(k, k + 2);
                var pictures = model.imageTokenizer().decode(pair.stream().map(a -> c.pool().grid(a.drawn())).toList());
                var prompt = ScenePrompts.sample(PromptCategory.parse(pair.get(0).category()), 1, GenerationEvaluation.MAX_OBJECTS,
                        8).get(0);
                var read = assessor.judge(pictures);
                var examined = judge.judge(pictures);
                for (int i = 0; i < 2; i++) {
                    Assessment expected = Assessment.of(prompt, read.get(i));
                    assertThat(pair.get(i).aligned()).isEqualTo(expected.aligned());
                    assertThat(pair.get(i).rationale()).isEqualTo(expected.rationale());
                    examinerPasses += prompt.satisfiedBy(examined.get(i)) ? 1 : 0;
                }
            }
            assertThat(c.agreement().secondPass()).isEqualTo(examinerPasses / (double) n);
            // the corrections are real scenes of their prompts: the judge reads most of them as asked
            int right = 0;
            for (SelfAssessment a : c.pool().items()) {
                var verdict = judge.judge(model.imageTokenizer().decode(List.of(c.pool().grid(a.real())))).get(0);
                var prompt = ScenePrompts.sample(PromptCategory.parse(a.category()), 1, GenerationEvaluation.MAX_OBJECTS, 8).get(0);
                assertThat(prompt.text()).isEqualTo(a.prompt());
                right += prompt.satisfiedBy(verdict) ? 1 : 0;
            }
            assertThat(right).isGreaterThanOrEqualTo(n - 3);
        }
    }

    @Test
    void realPicturesFromTheHeldOutScenesAreRefused() {
        try (UnifiedModel model = UnifiedCheckpoint.pretrained(UnifiedCheckpoint.ILLUME).model();
             SceneJudge assessor = JudgeCheckpoint.pretrained(JudgeCheckpoint.ASSESSOR);
             SceneJudge judge = JudgeCheckpoint.pretrained(JudgeCheckpoint.DEFAULT)) {
            assertThatThrownBy(() -> SelfAssessments.collect(model, "m", assessor, judge,
                            new GenerationEvaluationConfig(1, 1, 8), SamplingConfig.images(3),
                            SceneConfig.HELD_OUT_SEED, Map.of(), k -> { }))
                    .hasMessageContaining("held-out scenes").hasMessageContaining("4242");
        }
    }

    @Test
    void theSummaryCountsAlignedDrawingsPerCategoryAndDecodesItsExamples() {
        SelfAssessmentPool pool = SelfAssessmentPool.shipped();
        try (UnifiedModel model = UnifiedCheckpoint.pretrained(UnifiedCheckpoint.ILLUME).model()) {
            SelfAssessmentSummary s = SelfAssessmentSummary.of(pool, model.imageTokenizer(), 2);
            assertThat(s.drawings()).isEqualTo(768);
            assertThat(s.byCategory()).hasSize(PromptCategory.values().length);
            assertThat(s.byCategory().values().stream().mapToDouble(Double::doubleValue).average().orElseThrow())
                    .as("every category has as many drawings").isCloseTo(s.aligned(), offset(1e-9));
            assertThat(s.examples()).hasSize(2 * PromptCategory.values().length);
            SelfAssessmentSummary.Example first = s.examples().get(0);
            SelfAssessment a = pool.items().get(0);
            assertThat(first.prompt()).isEqualTo(a.prompt());
            assertThat(first.rationale()).isEqualTo(a.rationale());
            // decoded in one batch with the others: equal to decoding it alone up to the batch's float rounding
            assertThat(first.drawn().pixels()).containsExactly(model.imageTokenizer().decode(pool.grid(a.drawn())).pixels(),
                    offset(1e-4f));
            assertThat(s.toString()).contains("768 drawings by illume-shapes32").contains("agree on");
        }
    }

    @Test
    void everyShippedDialogueFitsTheIllumeModelsContext() {
        try (UnifiedModel model = UnifiedCheckpoint.pretrained(UnifiedCheckpoint.ILLUME).model()) {
            UnifiedModel tagged = model.withTaskTags(List.of(AssessTask.TAG));
            TaskSequences sequences = tagged.tasks();
            SelfAssessmentPool pool = SelfAssessmentPool.shipped();
            int longest = 0;
            for (SelfAssessment a : pool.items()) {
                SelfAssessmentPool one = new SelfAssessmentPool(pool.model(), pool.assessor(), pool.rows(), pool.cols(),
                        pool.depth(), pool.codebook(), List.of(a), Map.of());
                longest = Math.max(longest, new AssessTask(() -> one).example(sequences, null, new SplittableRandom(1)).ids().length);
            }
            assertThat(longest).isGreaterThan(2 * 66).isLessThanOrEqualTo(model.config().transformer().context());
        }
    }
}
