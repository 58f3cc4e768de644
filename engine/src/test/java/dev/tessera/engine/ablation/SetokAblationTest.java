package dev.tessera.engine.ablation;

import dev.tessera.engine.curriculum.Curricula;
import dev.tessera.engine.curriculum.Stage;
import dev.tessera.engine.unified.UnifiedRun;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SetokAblationTest {

    @Test
    void theArmsTrainTheSameReadingStageAndDifferOnlyInTheImageTokenizer() {
        Ablation a = Ablations.get("setok");
        assertThat(a.arms()).containsOnlyKeys("grid", "setok");
        Stage grid = a.arm("grid").stages().get(0);
        Stage spans = a.arm("setok").stages().get(0);
        assertThat(grid).isEqualTo(spans).isEqualTo(Curricula.get("setok").stage("understand"));
        assertThat(spans.start()).isEqualTo(Stage.FRESH);
        assertThat(spans.training().mix().names()).containsExactly("caption", "answer");
        assertThat(a.arm("grid").model()).isEqualTo("small");
        assertThat(a.arm("setok").model()).isEqualTo("small-setok");
        // the two presets differ only in the image tokenizer
        assertThat(UnifiedRun.config("small-setok")).isEqualTo(UnifiedRun.config("small").withImageTokenizer("setok-shapes32"));
    }

    @Test
    void theShippedResultsHaveThreeSeedsPerArmAndTheReadmeNumbers() {
        AblationResults r = AblationResults.shipped("setok");
        assertThat(r.runs()).hasSize(6);
        for (String arm : java.util.List.of("grid", "setok")) {
            assertThat(r.runs().stream().filter(run -> run.arm().equals(arm)).map(AblationRun::seed))
                    .containsExactlyInAnyOrder(1L, 2L, 3L);
        }
        assertThat(r.runs()).allSatisfy(run -> {
            assertThat(run.budget()).isEqualTo(new ArmMetrics.Budget(512, 0, 16));
            assertThat(run.steps()).isEqualTo(1500);
            assertThat(run.trainSeconds()).isPositive();
            assertThat(run.metrics().imageIds()).isEqualTo(run.arm().equals("grid") ? 66.0 : 7.84375);
            assertThat(run.metrics().imageNll()).matches(v -> run.arm().equals("grid") ? Double.isFinite(v) : Double.isNaN(v));
        });
        assertThat(r.provenance()).containsKeys("commands", "trainedBy", "note", "spanTokens");
        // the README's table: mean over seeds per arm
        java.util.Map<String, Double> captions = new java.util.LinkedHashMap<>();
        r.summary("exactCaptions").forEach(s -> captions.put(s.arm(), s.mean()));
        assertThat(captions.get("grid")).isCloseTo(0.5000, org.assertj.core.data.Offset.offset(0.0005));
        assertThat(captions.get("setok")).isCloseTo(0.2799, org.assertj.core.data.Offset.offset(0.0005));
        assertThat(r.verdict("exactCaptions").best()).isEqualTo("grid");
        assertThat(r.verdict("exactCaptions").clear()).isTrue();
        assertThat(r.verdict("answerAccuracy").clear()).isFalse();
    }

    @Test
    void theRecordedTokenCoverageIsWhatTheShippedTokenizerGivesOnTheHeldOutScenes() {
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> recorded = (java.util.Map<String, Object>) AblationResults.shipped("setok").provenance()
                .get("spanTokens");
        try (dev.tessera.engine.tokenize.TrainableTokenizer<?> t =
                     dev.tessera.engine.tokenize.TokenizerCheckpoint.pretrained("setok-shapes32")) {
            dev.tessera.engine.data.SceneConfig held = dev.tessera.engine.unified.UnifiedModel.scenes(
                    UnifiedRun.config("small-setok"), t, dev.tessera.engine.data.SceneConfig.HELD_OUT_SEED);
            java.util.List<dev.tessera.engine.data.Scene> scenes = new dev.tessera.engine.data.SceneGenerator(held).scenes(0, 512);
            java.util.List<? extends dev.tessera.engine.tokenize.ImageTokens> tokens =
                    t.encode(scenes.stream().map(dev.tessera.engine.data.Scene::image).toList());
            int equal = 0;
            int fewer = 0;
            int more = 0;
            for (int i = 0; i < scenes.size(); i++) {
                int wanted = scenes.get(i).objects().size() + 1;
                int got = tokens.get(i).count();
                equal += got == wanted ? 1 : 0;
                fewer += got < wanted ? 1 : 0;
                more += got > wanted ? 1 : 0;
            }
            assertThat(java.util.List.of(equal, fewer, more)).isEqualTo(java.util.List.of(
                    ((Number) recorded.get("tokensEqualObjectsPlusOne")).intValue(), ((Number) recorded.get("fewer")).intValue(),
                    ((Number) recorded.get("more")).intValue()));
        }
    }
}
