package dev.tessera.engine.ablation;

import dev.tessera.engine.curriculum.Curricula;
import dev.tessera.engine.curriculum.Stage;
import dev.tessera.engine.task.AssessTask;
import dev.tessera.engine.task.RealPairsTask;
import dev.tessera.engine.task.TaskMix;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SelfEnhanceAblationTest {

    @Test
    void theArmsContinueIllumesFineTuningAndDifferOnlyInTheExtraTask() {
        Ablation a = Ablations.get("self-enhance");
        assertThat(a.arms()).containsOnlyKeys("without", "with");
        Stage with = a.arm("with").stages().get(0);
        Stage without = a.arm("without").stages().get(0);
        Stage sft = Curricula.get("illume").stage("sft");
        assertThat(with.start()).isEqualTo(without.start()).isEqualTo("shipped:illume-shapes32");
        assertThat(with.training().mix().names()).containsAll(sft.training().mix().names()).contains(AssessTask.NAME)
                .doesNotContain(RealPairsTask.NAME);
        assertThat(without.training().mix().names()).containsAll(sft.training().mix().names()).contains(RealPairsTask.NAME)
                .doesNotContain(AssessTask.NAME);
        assertThat(with.training().mix().weights().get(AssessTask.NAME))
                .isEqualTo(without.training().mix().weights().get(RealPairsTask.NAME));
        Map<String, Double> swapped = new LinkedHashMap<>(without.training().mix().weights());
        swapped.put(AssessTask.NAME, swapped.remove(RealPairsTask.NAME));
        assertThat(without.training().withMix(new TaskMix(swapped, without.training().mix().promptDropout())))
                .isEqualTo(with.training());
        assertThat(with.training().steps()).isEqualTo(Ablations.SELF_ENHANCE_STEPS);
        assertThat(with.training()).isEqualTo(sft.training().withSteps(Ablations.SELF_ENHANCE_STEPS)
                .withMix(with.training().mix()));
        assertThat(a.arm("with").model()).isEqualTo(a.arm("without").model()).isEqualTo(Curricula.get("illume").model());
    }

    @Test
    void theShippedResultsHaveThreeSeedsPerArmAndSayNeitherArmIsClearlyBetter() {
        AblationResults r = AblationResults.shipped("self-enhance");
        assertThat(r.runs()).hasSize(6);
        for (String arm : java.util.List.of("with", "without")) {
            assertThat(r.runs().stream().filter(run -> run.arm().equals(arm)).map(AblationRun::seed)).containsExactlyInAnyOrder(1L, 2L, 3L);
        }
        assertThat(r.runs()).allSatisfy(run -> {
            assertThat(run.budget()).isEqualTo(new ArmMetrics.Budget(256, 4, 16));
            assertThat(run.steps()).isEqualTo(Ablations.SELF_ENHANCE_STEPS);
            assertThat(run.metrics().textToImageByCategory()).hasSize(6);
        });
        for (String metric : java.util.List.of("judgedTextToImage", "answerAccuracy", "exactCaptions")) {
            assertThat(r.verdict(metric).clear()).as(metric + ": the arms overlap across seeds").isFalse();
            assertThat(r.summary(metric)).allSatisfy(s -> assertThat(s.standardDeviation()).isFinite());
        }
        assertThat(r.provenance()).containsKeys("commands", "trainedBy", "note", "start", "pool");
        // the README's table: mean over seeds per arm
        Map<String, Double> geneval = new LinkedHashMap<>();
        r.summary("judgedTextToImage").forEach(s -> geneval.put(s.arm(), s.mean()));
        assertThat(geneval.get("without")).isCloseTo(0.2595, org.assertj.core.data.Offset.offset(0.0005));
        assertThat(geneval.get("with")).isCloseTo(0.2483, org.assertj.core.data.Offset.offset(0.0005));
        Map<String, Double> answers = new LinkedHashMap<>();
        r.summary("answerAccuracy").forEach(s -> answers.put(s.arm(), s.mean()));
        assertThat(answers.get("without")).isCloseTo(0.6589, org.assertj.core.data.Offset.offset(0.0005));
        assertThat(answers.get("with")).isCloseTo(0.6458, org.assertj.core.data.Offset.offset(0.0005));
    }
}
