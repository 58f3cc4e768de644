package dev.tessera.engine.judge;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.image.ImageTensors;
import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.runtime.TesseraRuntime;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SceneJudgeTest {

    private static List<RgbImage> images(int size, int n) {
        return new SceneGenerator(new SceneConfig(size, 1, 4, 3)).scenes(0, n).stream().map(s -> s.image()).toList();
    }

    @Test
    void logitsHaveThirteenChannelsOnAnEightByEightGridPerImage() {
        try (SceneJudge judge = SceneJudge.create("t", JudgeConfig.tiny(), 1); NDManager m = TesseraRuntime.newManager()) {
            NDArray z = judge.logits(new ParameterStore(m, false), ImageTensors.toTensor(images(16, 5), m), false);
            assertThat(z.getShape().getShape()).containsExactly(5, JudgeHeads.PER_CELL, 8, 8);
            assertThat(JudgeHeads.PER_CELL).isEqualTo(1 + 7 + 3 + 2);
        }
    }

    @Test
    void theShippedArchitectureIsSmall() {
        try (SceneJudge judge = SceneJudge.create("judge-objects32", JudgeConfig.objects32(), 1);
             NDManager m = TesseraRuntime.newManager()) {
            NDArray z = judge.logits(new ParameterStore(m, false), ImageTensors.toTensor(images(32, 2), m), false);
            assertThat(z.getShape().getShape()).containsExactly(2, JudgeHeads.PER_CELL, 8, 8);
            // a few hundred KB of float32 weights
            assertThat(judge.parameterCount()).isBetween(20_000L, 150_000L);
        }
    }

    @Test
    void aBatchGivesOneVerdictPerImageAndAgreesWithSingleCalls() {
        List<RgbImage> imgs = images(16, 3);
        try (SceneJudge judge = SceneJudge.create("t", JudgeConfig.tiny(), 1)) {
            List<JudgeVerdict> all = judge.judge(imgs);
            assertThat(all).hasSize(3);
            for (int i = 0; i < 3; i++) {
                JudgeVerdict one = judge.judge(imgs.get(i));
                assertThat(one.count()).isBetween(0, 64);
                // a batch of one and a batch of three may round differently in the last bits: compare what was found
                assertThat(one.caption()).isEqualTo(all.get(i).caption());
                assertThat(one.objects().stream().map(JudgedObject::position).toList())
                        .isEqualTo(all.get(i).objects().stream().map(JudgedObject::position).toList());
            }
            assertThat(judge.judge(List.of())).isEmpty();
        }
    }

    @Test
    void anImageOfTheWrongSizeIsRefusedNamingTheSizeAndTheFix() {
        try (SceneJudge judge = SceneJudge.create("t", JudgeConfig.tiny(), 1)) {
            List<RgbImage> mixed = List.of(images(16, 1).get(0), images(32, 1).get(0));
            assertThatThrownBy(() -> judge.judge(mixed)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("reads 16x16 images but image 1 is 32x32")
                    .hasMessageContaining("SceneConfig.withSize(16)");
        }
    }

    @Test
    void badConfigsAreRefusedWithTheValidValues() {
        assertThatThrownBy(() -> new JudgeConfig(28, 8, 2, 8, 16)).hasMessageContaining("16, 32 or 64");
        assertThatThrownBy(() -> new JudgeConfig(16, 8, 2, 8, 16)).hasMessageContaining("downsamplings must be in 1..1")
                .hasMessageContaining("one object centre per cell");
        assertThatThrownBy(() -> new JudgeConfig(32, 8, 3, 8, 16)).hasMessageContaining("downsamplings must be in 1..2");
        assertThatThrownBy(() -> new JudgeConfig(16, 0, 2, 8, 16)).hasMessageContaining("channels");
    }
}
