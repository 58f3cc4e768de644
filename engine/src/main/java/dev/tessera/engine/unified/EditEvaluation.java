package dev.tessera.engine.unified;

import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.edit.EditKind;
import dev.tessera.engine.edit.SceneEdit;
import dev.tessera.engine.edit.SceneEdits;
import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.judge.JudgeVerdict;
import dev.tessera.engine.judge.SceneJudge;
import dev.tessera.engine.lm.SamplingConfig;
import dev.tessera.engine.tokenize.TokenGrid;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Judges a model's image editing per instruction kind (ILLUME's editing, arXiv 2412.06673) on
 * held-out scenes: for each kind, {@code perKind} edits drawn from held-out scenes that allow it,
 * carried out greedily, and the result read by the per-object judge. An edit counts only when
 * the judge reads exactly the target scene: the edited object changed as asked and every other
 * object where it was. Beside each score: the judge's reading of the exact targets through the
 * model's tokenizer (the ceiling), how often the model returned its input unchanged, and how many
 * grid positions it rewrote against how many the exact edit changes.
 */
public final class EditEvaluation {

    /** The most edits per kind. */
    public static final int MAX_PER_KIND = 1024;
    /** Edits run together. */
    static final int BATCH = 32;
    /** Samples kept per kind for the report. */
    static final int SAMPLES_PER_KIND = 3;
    /** Seed of the edit draws (the scenes are the held-out ones). */
    static final long EDIT_SEED = 0xED175L;

    private EditEvaluation() {
    }

    /** Scores {@code model} (named {@code name}) with {@code judge} on {@code perKind} edits of each kind. */
    public static EditReport evaluate(UnifiedModel model, String name, SceneJudge judge, int perKind) {
        if (perKind < 1 || perKind > MAX_PER_KIND) {
            throw new IllegalArgumentException("judge 1.." + MAX_PER_KIND + " edits per kind, got " + perKind);
        }
        if (judge.imageSize() != model.imageSize()) {
            throw new IllegalArgumentException("judge " + judge.name() + " reads " + judge.imageSize() + "px images but the "
                    + "model writes " + model.imageSize() + "px ones");
        }
        long start = System.nanoTime();
        SceneGenerator heldOut = new SceneGenerator(model.scenes(SceneConfig.HELD_OUT_SEED));
        List<EditScore> scores = new ArrayList<>();
        List<EditReport.Sample> samples = new ArrayList<>();
        for (EditKind kind : EditKind.values()) {
            List<SceneEdit> edits = edits(heldOut, kind, perKind);
            int right = 0;
            int kept = 0;
            int ceiling = 0;
            long changed = 0;
            long targetChanged = 0;
            for (int from = 0; from < edits.size(); from += BATCH) {
                List<SceneEdit> batch = edits.subList(from, Math.min(edits.size(), from + BATCH));
                List<RgbImage> before = batch.stream().map(e -> e.before().image()).toList();
                List<RgbImage> targets = batch.stream().map(e -> e.after().image()).toList();
                List<TokenGrid> beforeGrids = model.imageTokenizer().encode(before);
                List<TokenGrid> targetGrids = model.imageTokenizer().encode(targets);
                List<Edit> done = ImageEditor.editGrids(model, before, beforeGrids,
                        batch.stream().map(SceneEdit::instruction).toList(), SamplingConfig.greedy());
                List<JudgeVerdict> read = judge.judge(done.stream().map(Edit::after).toList());
                List<JudgeVerdict> truth = judge.judge(model.imageTokenizer().decode(targetGrids));
                for (int i = 0; i < batch.size(); i++) {
                    SceneEdit e = batch.get(i);
                    boolean ok = read.get(i).shows(e.after().objects());
                    right += ok ? 1 : 0;
                    kept += read.get(i).shows(e.before().objects()) ? 1 : 0;
                    ceiling += truth.get(i).shows(e.after().objects()) ? 1 : 0;
                    changed += done.get(i).changedPositions();
                    targetChanged += Edit.changedPositions(beforeGrids.get(i), targetGrids.get(i));
                    if (i + from < SAMPLES_PER_KIND) {
                        samples.add(new EditReport.Sample(e.instruction(), before.get(i), done.get(i).after(), targets.get(i),
                                e.after().caption(), read.get(i).caption(), ok));
                    }
                }
            }
            double n = edits.size();
            double p = right / n;
            scores.add(new EditScore(kind, edits.size(), p, Math.sqrt(p * (1 - p) / n), kept / n, ceiling / n,
                    changed / n, targetChanged / n));
        }
        double overall = scores.stream().mapToDouble(EditScore::accuracy).average().orElseThrow();
        return new EditReport(name, judge.name(), scores, overall, samples, (System.nanoTime() - start) / 1e9);
    }

    /** {@code n} edits of {@code kind}, from the first held-out scenes that allow one, each scene once. */
    static List<SceneEdit> edits(SceneGenerator heldOut, EditKind kind, int n) {
        SplittableRandom rng = new SplittableRandom(EDIT_SEED + kind.ordinal());
        List<SceneEdit> out = new ArrayList<>(n);
        for (long i = 0; out.size() < n; i++) {
            if (i > 50L * n) {
                throw new IllegalStateException("held-out scenes allow too few " + kind.id() + " edits");
            }
            Scene s = heldOut.scene(i);
            Optional<SceneEdit> e = SceneEdits.draw(s, kind, heldOut, rng);
            e.ifPresent(out::add);
        }
        return out;
    }
}
