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
}
