package dev.tessera.engine.ablation;

import dev.tessera.engine.curriculum.Stage;
import dev.tessera.engine.task.GenerateTask;
import dev.tessera.engine.task.PromptedGenerateTask;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromptsAblationTest {

    @Test
    void theArmsDifferOnlyInTheTextToImageTask() {
        Ablation a = Ablations.get("prompts");
        assertThat(a.arms()).containsOnlyKeys("captions", "grammar");
        Stage captions = a.arms().get("captions").stages().get(0);
        Stage grammar = a.arms().get("grammar").stages().get(0);
        assertThat(captions.training().mix().names()).containsExactly("caption", GenerateTask.NAME, "answer");
        assertThat(grammar.training().mix().names()).containsExactly("caption", PromptedGenerateTask.NAME, "answer");
        assertThat(captions.training().withMix(grammar.training().mix())).isEqualTo(grammar.training());
        assertThat(captions.start()).isEqualTo(grammar.start()).isEqualTo("shipped:unified-shapes32");
        assertThat(a.arms().get("captions").model()).isEqualTo(a.arms().get("grammar").model());
    }

    @Test
    void theShippedResultsHaveTwoSeedsPerArmAndTheGrammarArmClearlyDrawsBetter() {
        AblationResults r = AblationResults.shipped("prompts");
        assertThat(r.runs()).hasSize(4);
        assertThat(r.runs()).allSatisfy(run -> {
            assertThat(run.budget()).isEqualTo(new ArmMetrics.Budget(256, 4, 16));
            assertThat(run.metrics().textToImageByCategory()).hasSize(6);
        });
        AblationResults.Verdict v = r.verdict("judgedTextToImage");
        assertThat(v.best()).isEqualTo("grammar");
        assertThat(v.clear()).as("grammar's worst seed beats captions' best").isTrue();
        assertThat(r.provenance()).containsKeys("commands", "trainedBy", "note");
    }

    @Test
    void aNewMeasurementOfTheSameTrainingReplacesTheOldOneWhateverItsBudget() {
        ArmMetrics m = new ArmMetrics(0.5, 0.5, 0.5, 0.5, 1, 1, 30, 1, 10);
        AblationRun old = new AblationRun("a", 1, 10, 4, 0, "", m, java.util.List.of(), new ArmMetrics.Budget(64, 2, 0));
        AblationRun now = new AblationRun("a", 1, 10, 4, 0, "", m, java.util.List.of(), ArmMetrics.Budget.quick());
        AblationRun other = new AblationRun("a", 2, 10, 4, 0, "", m, java.util.List.of(), ArmMetrics.Budget.quick());
        AblationResults r = new AblationResults("x", "", java.util.Map.of(), java.util.List.of(old, other)).with(now);
        assertThat(r.runs()).containsExactly(other, now);
        assertThat(r.summary("exactCaptions")).hasSize(1);
    }
}
