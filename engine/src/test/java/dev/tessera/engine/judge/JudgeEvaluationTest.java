package dev.tessera.engine.judge;

import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneColour;
import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneObject;
import dev.tessera.engine.tokenize.GridTokenizer;
import dev.tessera.engine.tokenize.TokenizerConfig;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JudgeEvaluationTest {

    private static JudgedObject seen(SceneObject o, SceneColour colour) {
        return new JudgedObject(colour, o.shape(), o.x(), o.y(), o.position(), 1, 1, 1);
    }

    private static JudgeVerdict exact(Scene s) {
        return new JudgeVerdict(s.objects().stream().map(o -> seen(o, o.colour())).toList());
    }

    @Test
    void aspectsAreScoredSeparatelyAndTogether() {
        try (SceneJudge judge = SceneJudge.create("t", JudgeConfig.tiny(), 1)) {
            List<Scene> scenes = JudgeEvaluation.heldOut(judge, 200).stream().filter(s -> s.count() >= 2)
                    .filter(s -> s.objects().get(0).colour() != s.objects().get(1).colour()
                            && s.objects().get(0).shape() != s.objects().get(1).shape())
                    .limit(4).toList();
            assertThat(scenes).hasSize(4);
            List<JudgeVerdict> verdicts = new ArrayList<>(scenes.stream().map(JudgeEvaluationTest::exact).toList());
            // scene 0: the first two objects swap colours; the colours, shapes and cells stay right as lists
            Scene s0 = scenes.get(0);
            List<JudgedObject> swapped = new ArrayList<>(exact(s0).objects());
            swapped.set(0, seen(s0.objects().get(0), s0.objects().get(1).colour()));
            swapped.set(1, seen(s0.objects().get(1), s0.objects().get(0).colour()));
            verdicts.set(0, new JudgeVerdict(swapped));
            // scene 1: one object more, a copy of its first
            List<JudgedObject> extra = new ArrayList<>(exact(scenes.get(1)).objects());
            extra.add(extra.get(0));
            verdicts.set(1, new JudgeVerdict(extra));
            JudgeReport r = JudgeEvaluation.score("real", verdicts, scenes);
            assertThat(r.count()).isEqualTo(0.75);
            assertThat(r.colours()).isEqualTo(0.75);
            assertThat(r.shapes()).isEqualTo(0.75);
            assertThat(r.positions()).isEqualTo(0.75);
            assertThat(r.attribution()).isEqualTo(0.5);
            assertThat(r.all()).isEqualTo(0.5);
            assertThat(r.weakestAspect()).isEqualTo(0.5);
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
