package dev.tessera.engine.judge;

import dev.tessera.engine.data.EvaluationSet;
import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.data.SceneObject;
import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.tokenize.ImageTokenizer;
import dev.tessera.engine.tokenize.ImageTokens;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Measures a judge against exact labels: on held-out scenes as drawn, and on the same scenes
 * after a tokenizer's encode and decode, which shows whether it still reads images that came
 * out of a decoder (as generated images do).
 */
public final class JudgeEvaluation {

    private static final int BATCH = 64;

    private JudgeEvaluation() {
    }

    /** The first {@code n} (1..{@link EvaluationSet#MAX_IMAGES}) scenes of the held-out stream ({@link SceneConfig#HELD_OUT_SEED}), 1..4 objects, at the judge's size. */
    public static List<Scene> heldOut(SceneJudge judge, int n) {
        EvaluationSet.checkCount(n);
        return new SceneGenerator(new SceneConfig(judge.imageSize(), 1, 4, SceneConfig.HELD_OUT_SEED))
                .scenes(0, n);
    }

    /** Judges the scenes' images as drawn. */
    public static JudgeReport evaluate(SceneJudge judge, List<Scene> scenes) {
        return score("real", judge.judge(scenes.stream().map(Scene::image).toList()), scenes);
    }

    /** Judges the scenes' images after {@code tokenizer}'s encode and decode. */
    public static <T extends ImageTokens> JudgeReport evaluate(SceneJudge judge, List<Scene> scenes,
                                                               ImageTokenizer<T> tokenizer) {
        if (tokenizer.imageSize() != judge.imageSize()) {
            throw new IllegalArgumentException("tokenizer " + tokenizer.name() + " makes " + tokenizer.imageSize()
                    + "px images but judge " + judge.name() + " reads " + judge.imageSize() + "px; use a tokenizer of "
                    + judge.imageSize() + "px scenes (e.g. fsq-shapes32 for judge-objects32)");
        }
        List<RgbImage> decoded = new ArrayList<>(scenes.size());
        for (int from = 0; from < scenes.size(); from += BATCH) {
            List<RgbImage> batch = scenes.subList(from, Math.min(scenes.size(), from + BATCH)).stream()
                    .map(Scene::image).toList();
            decoded.addAll(tokenizer.decode(tokenizer.encode(batch)));
        }
        return score(tokenizer.name(), judge.judge(decoded), scenes);
    }

    /** Compares verdicts with the scenes' exact objects, aspect by aspect (lists with repeats, in any order). */
    static JudgeReport score(String source, List<JudgeVerdict> verdicts, List<Scene> scenes) {
        if (verdicts.size() != scenes.size() || scenes.isEmpty()) {
            throw new IllegalArgumentException("need one verdict per scene and at least one scene, got "
                    + verdicts.size() + " verdicts for " + scenes.size() + " scenes");
        }
        int[] right = new int[6];
        for (int i = 0; i < scenes.size(); i++) {
            List<SceneObject> want = scenes.get(i).objects();
            List<JudgedObject> got = verdicts.get(i).objects();
            right[0] += want.size() == got.size() ? 1 : 0;
            right[1] += same(want, got, o -> o.colour().name(), o -> o.colour().name());
            right[2] += same(want, got, o -> o.shape().name(), o -> o.shape().name());
            right[3] += same(want, got, o -> o.position().name(), o -> o.position().name());
            right[4] += same(want, got, o -> o.colour() + " " + o.shape(), o -> o.colour() + " " + o.shape());
            right[5] += verdicts.get(i).shows(want) ? 1 : 0;
        }
        double n = scenes.size();
        return new JudgeReport(source, scenes.size(), right[0] / n, right[1] / n, right[2] / n, right[3] / n,
                right[4] / n, right[5] / n);
    }

    /** 1 when both lists name the same things the same number of times, else 0. */
    private static int same(List<SceneObject> want, List<JudgedObject> got, Function<SceneObject, String> wantKey,
                            Function<JudgedObject, String> gotKey) {
        return want.stream().map(wantKey).sorted().toList().equals(got.stream().map(gotKey).sorted().toList()) ? 1 : 0;
    }
}
