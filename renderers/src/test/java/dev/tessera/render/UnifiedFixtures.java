package dev.tessera.render;

import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.lm.SamplingConfig;
import dev.tessera.engine.tokenize.TokenGrid;
import dev.tessera.engine.train.TrainingProgress;
import dev.tessera.engine.unified.Answer;
import dev.tessera.engine.unified.Caption;
import dev.tessera.engine.unified.Generation;
import dev.tessera.engine.train.StepLoss;
import dev.tessera.engine.vocab.MixedSequence;
import dev.tessera.engine.vocab.Segment;
import dev.tessera.engine.vocab.SpecialToken;
import dev.tessera.engine.train.TrainingBoard;
import dev.tessera.engine.train.TrainingBoard.StageMark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Unified-model results built by hand (no model): small images, 8x8 grids, sequences, training boards. */
final class UnifiedFixtures {

    private static final Pattern PNG = Pattern.compile("data:image/png;base64,([A-Za-z0-9+/=]+)");

    private UnifiedFixtures() {
    }

    /** An 8x8 grid of 256 codes whose id at position i is {@code (i * 37 + shift) % 256}. */
    static TokenGrid grid(int shift) {
        int[] ids = new int[64];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = (i * 37 + shift) % 256;
        }
        return new TokenGrid(8, 8, ids, 256);
    }

    static Segment special(SpecialToken t) {
        return new Segment.Special(t);
    }

    static Segment text(String s, int... ids) {
        return new Segment.Text(s, ids);
    }

    /** {@code <caption><boi>[8x8]<eoi>a red circle<eos>}. */
    static MixedSequence captionSequence() {
        return new MixedSequence(List.of(special(SpecialToken.CAPTION), special(SpecialToken.BOI),
                new Segment.Image(grid(0), true), special(SpecialToken.EOI), text("a red circle", 11, 12, 13),
                special(SpecialToken.EOS)));
    }

    /** A 32x32 red image. */
    static RgbImage red() {
        return Fixtures.uniform(32, 32, 0.9f, 0.1f, 0.1f);
    }

    static Caption caption() {
        return new Caption(red(), "a red circle", captionSequence());
    }

    static Answer answer(String question) {
        MixedSequence s = new MixedSequence(List.of(special(SpecialToken.ASK), special(SpecialToken.BOI),
                new Segment.Image(grid(0), true), special(SpecialToken.EOI), text(question, 21, 22, 23),
                special(SpecialToken.ANSWER), text("red", 24), special(SpecialToken.EOS)));
        return new Answer(red(), question, "red", s);
    }

    /** {@code n} generated 32x32 images for {@code prompt}, image k a uniform grey, each with its grid and sequence. */
    static Generation generation(String prompt, int n) {
        List<RgbImage> images = new ArrayList<>();
        List<TokenGrid> grids = new ArrayList<>();
        List<MixedSequence> sequences = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            float v = 0.1f + 0.08f * k;
            images.add(Fixtures.uniform(32, 32, v, v, v));
            grids.add(grid(k));
            sequences.add(new MixedSequence(List.of(special(SpecialToken.GENERATE), text(prompt, 31, 32),
                    special(SpecialToken.BOI), new Segment.Image(grid(k), true), special(SpecialToken.EOI))));
        }
        return new Generation(prompt, SamplingConfig.images(7), images, grids, sequences, 41.6);
    }

    /** Losses of steps 1..n falling from about 9: text NLL below the total, image NLL above. */
    static List<StepLoss> history(int n) {
        List<StepLoss> h = new ArrayList<>();
        for (int s = 1; s <= n; s++) {
            double loss = 1 + 8.0 / Math.sqrt(s);
            h.add(new StepLoss(s, loss, 0.8 * loss, 1.1 * loss));
        }
        return h;
    }

    /**
     * {@link #history} with per-task losses: caption at 0.9 times the total, answer at half of it
     * except on every third step, whose batch had no answer.
     */
    static List<StepLoss> taskHistory(int n) {
        List<StepLoss> h = new ArrayList<>();
        for (StepLoss s : history(n)) {
            Map<String, Double> tasks = new LinkedHashMap<>();
            tasks.put("caption", 0.9 * s.loss());
            if (s.step() % 3 != 0) {
                tasks.put("answer", 0.5 * s.loss());
            }
            h.add(new StepLoss(s.step(), s.loss(), s.textNll(), s.imageNll(), tasks));
        }
        return h;
    }

    /** A curriculum's three stages: tasks (800 steps), example-weighted (100), polish (200); 1,100 steps. */
    static List<StageMark> stages() {
        return List.of(new StageMark("tasks", 0, 800), new StageMark("example-weighted", 800, 100),
                new StageMark("polish", 900, 200));
    }

    /** A board of the {@link #stages} curriculum in {@code runs/scenes} at overall {@code step}, with task losses. */
    static TrainingBoard staged(int step, boolean finished, boolean interrupted) {
        return new TrainingBoard(Path.of("runs/scenes"), progress(step, 1100), taskHistory(step), stages(), finished,
                interrupted);
    }

    static TrainingProgress progress(int step, int total) {
        double loss = 1 + 8.0 / Math.sqrt(step);
        return new TrainingProgress(step, total, loss, Map.of("text", 0.8 * loss, "image", 1.1 * loss), 2.5, step / 2.5,
                12345.6);
    }

    /** A running board at {@code step} of {@code total}. */
    static TrainingBoard running(int step, int total) {
        return new TrainingBoard(Path.of("runs/unified-notebook"), progress(step, total), history(step), false, false);
    }

    /** The base64 PNGs inlined in {@code html}, in order. */
    static List<String> pngs(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = PNG.matcher(html);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
