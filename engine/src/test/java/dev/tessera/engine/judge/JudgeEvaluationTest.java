package dev.tessera.engine.judge;

import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.tokenize.GridTokenizer;
import dev.tessera.engine.tokenize.TokenizerConfig;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JudgeEvaluationTest {

    /** A verdict whose logits encode {@code a} exactly. */
    private static JudgeVerdict perfect(SceneAttributes a) {
        float[] t = JudgeHeads.target(a);
        float[] z = new float[t.length];
        for (int i = 0; i < t.length; i++) {
            z[i] = 4 * t[i] - 2;
        }
        return JudgeVerdict.fromLogits(z);
    }

    @Test
    void headsAreScoredSeparatelyAndTogether() {
        try (SceneJudge judge = SceneJudge.create("t", JudgeConfig.tiny(), 1)) {
            List<Scene> scenes = JudgeEvaluation.heldOut(judge, 4);
            assertThat(scenes.get(0).image().width()).isEqualTo(16);
            List<JudgeVerdict> verdicts = new ArrayList<>();
            for (Scene s : scenes) {
                verdicts.add(perfect(SceneAttributes.of(s)));
            }
            SceneAttributes first = SceneAttributes.of(scenes.get(0));
            // one wrong count: count and all drop by a quarter, the other heads stay perfect
            verdicts.set(0, perfect(new SceneAttributes(first.count() % 4 + 1, first.colours(), first.shapes(),
                    first.positions())));
            JudgeReport r = JudgeEvaluation.score("real", verdicts, scenes);
            assertThat(r.count()).isEqualTo(0.75);
            assertThat(r.colours()).isEqualTo(1.0);
            assertThat(r.shapes()).isEqualTo(1.0);
            assertThat(r.positions()).isEqualTo(1.0);
            assertThat(r.all()).isEqualTo(0.75);
            assertThat(r.weakestHead()).isEqualTo(0.75);
            assertThat(r.toString()).startsWith("real (4 scenes): count 75.0%");
        }
    }

    @Test
    void heldOutScenesComeFromTheHeldOutSeed() {
        try (SceneJudge judge = SceneJudge.create("t", JudgeConfig.tiny(), 1)) {
            Scene s = JudgeEvaluation.heldOut(judge, 1).get(0);
            assertThat(s.image()).isEqualTo(new dev.tessera.engine.data.SceneGenerator(
                    new SceneConfig(16, 1, 4, SceneConfig.HELD_OUT_SEED)).scene(0).image());
        }
    }

    @Test
    void reconstructionsOfATokenizerAreJudged() {
        try (SceneJudge judge = SceneJudge.create("t", JudgeConfig.tiny(), 1);
             GridTokenizer tokenizer = GridTokenizer.create("tiny-vq", TokenizerConfig.tiny(), 1)) {
            JudgeReport r = JudgeEvaluation.evaluate(judge, JudgeEvaluation.heldOut(judge, 5), tokenizer);
            assertThat(r.source()).isEqualTo("tiny-vq");
            assertThat(r.images()).isEqualTo(5);
            assertThat(r.all()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void aTokenizerOfAnotherSizeIsRefused() {
        try (SceneJudge judge = SceneJudge.create("t", new JudgeConfig(32, 8, 2, 8, 16), 1);
             GridTokenizer tokenizer = GridTokenizer.create("tiny-vq", TokenizerConfig.tiny(), 1)) {
            assertThatThrownBy(() -> JudgeEvaluation.evaluate(judge, JudgeEvaluation.heldOut(judge, 2), tokenizer))
                    .hasMessageContaining("makes 16px images but judge t reads 32px");
        }
    }
}
