package dev.tessera.engine.unified;

import dev.tessera.engine.judge.JudgeCheckpoint;
import dev.tessera.engine.judge.JudgeConfig;
import dev.tessera.engine.judge.SceneJudge;
import dev.tessera.engine.lm.SamplingConfig;
import dev.tessera.engine.prompt.PromptCategory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JudgeAgreementTest {

    private static final GenerationEvaluationConfig FEW = new GenerationEvaluationConfig(2, 2, 5);

    @Test
    void aJudgeAgreesWithItselfAlwaysAndTheCountsAddUp() {
        try (UnifiedModel model = UnifiedCheckpoint.pretrained(UnifiedCheckpoint.DEFAULT).model();
             SceneJudge judge = JudgeCheckpoint.pretrained(JudgeCheckpoint.DEFAULT);
             SceneJudge untrained = SceneJudge.create("untrained", new JudgeConfig(32, 8, 2, 8, 16), 1)) {
            JudgeAgreement self = JudgeAgreement.measure(model, judge, judge, FEW, SamplingConfig.images(0));
            assertThat(self.images()).isEqualTo(PromptCategory.values().length * 2 * 2);
            assertThat(self.agreement()).isEqualTo(1.0);
            assertThat(self.kappa()).isEqualTo(1.0);
            assertThat(self.byCategory()).hasSize(PromptCategory.values().length).allSatisfy((c, v) -> assertThat(v).isEqualTo(1.0));
            assertThat(self.firstPass()).isEqualTo(self.secondPass()).isGreaterThan(0);

            JudgeAgreement other = JudgeAgreement.measure(model, judge, untrained, FEW, SamplingConfig.images(0));
            // two judges that pass different shares of the images must disagree on at least the difference
            assertThat(other.agreement()).isBetween(0.0, 1 - Math.abs(other.firstPass() - other.secondPass()) + 1e-12);
            assertThat(other.kappa()).isBetween(-1.0, 1.0);
            assertThat(other.firstPass()).isEqualTo(self.firstPass());
            assertThat(other.toString()).contains("judge-objects32 and untrained agree on").contains("kappa");
        }
    }

    @Test
    void kappaIsAgreementBeyondChanceOnAHandComputedTable() {
        // 20 both pass, 15 both fail, 10 only the first, 5 only the second (50 pictures):
        // agreement 0.7; pass rates 0.6 and 0.5; chance 0.6*0.5 + 0.4*0.5 = 0.5; kappa (0.7-0.5)/(1-0.5) = 0.4
        assertThat(JudgeAgreement.kappa(20, 15, 10, 5)).isCloseTo(0.4, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(JudgeAgreement.kappa(10, 10, 0, 0)).isEqualTo(1.0);
        assertThat(JudgeAgreement.kappa(0, 0, 10, 10)).as("always disagreeing at 50%% each").isEqualTo(-1.0);
        assertThat(JudgeAgreement.kappa(0, 7, 0, 0)).as("both always fail: chance agrees always").isEqualTo(1.0);
    }
}
