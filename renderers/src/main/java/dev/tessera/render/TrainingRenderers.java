package dev.tessera.render;

import dev.tessera.engine.curriculum.CurriculumResult;
import dev.tessera.engine.curriculum.CurriculumRunner;
import dev.tessera.engine.train.StepLoss;
import dev.tessera.engine.train.TrainingBoard;
import dev.tessera.engine.train.TrainingBoard.StageMark;
import dev.tessera.engine.train.GuardReading;
import dev.tessera.engine.curriculum.GuardText;
import dev.tessera.engine.train.TrainingProgress;
import dev.tessera.engine.unified.UnifiedTrainingResult;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A unified training while it runs and when it has returned. The live {@link TrainingBoard} is
 * drawn again on every update, so it is plain HTML around one chart: a progress bar with the
 * rates and the time left, the current losses (per task too), the {@link LossChart} and a status
 * line saying where the checkpoint is and how to continue it. A curriculum's board also says
 * which stage runs and how far it is; its checkpoint is the run's folder, with one checkpoint
 * folder per stage. The returned result is one line, since the board above it already shows the
 * chart.
 */
final class TrainingRenderers {

    static final String NOTE = "font-size:12px;color:#6e6e6e";
    static final int WIDTH = 640;
    /** Prefix of the per-task parts of a unified training's progress, e.g. {@code task:caption}. */
    static final String TASK_PART = "task:";

    private TrainingRenderers() {
    }

    static final class Board implements Renderer<TrainingBoard> {
        @Override
        public Class<TrainingBoard> type() {
            return TrainingBoard.class;
        }

        @Override
        public Map<String, String> render(TrainingBoard b) {
            StringBuilder html = new StringBuilder("<div class=\"tessera-training\" style=\"font-family:sans-serif;max-width:")
                    .append(WIDTH + 20).append("px\">").append(progress(b));
            StepLoss now = current(b);
            if (now != null) {
                html.append(losses(now, LossChart.tasks(b.history().isEmpty() ? List.of(now) : b.history())));
            }
            if (!b.history().isEmpty()) {
                html.append(LossChart.svg(b.history(), b.stages(), b.vocabularySize()));
            }
            html.append(guard(b.guard()));
            html.append("<div class=\"tessera-status\" style=\"font-size:13px;margin-top:6px;padding:4px 8px;border-left:4px solid ")
                    .append(colour(b)).append("\">").append(Html.escape(status(b))).append("</div>");
            return Html.bundle(html.append("</div>").toString(), summary(b));
        }
    }

    /** A returned curriculum run: one line per stage reached, and where the model is. */
    static final class CurriculumDone implements Renderer<CurriculumResult> {
        @Override
        public Class<CurriculumResult> type() {
            return CurriculumResult.class;
        }

        @Override
        public Map<String, String> render(CurriculumResult r) {
            String colour = r.interrupted() ? Palette.WARN : Palette.DONE;
            StringBuilder html = new StringBuilder("<div class=\"tessera-curriculum-result\" style=\"font-family:sans-serif;"
                    + "font-size:13px;padding:4px 8px;border-left:4px solid " + colour + "\">");
            for (String line : lines(r)) {
                html.append("<div>").append(Html.escape(line)).append("</div>");
            }
            return Html.bundle(html.append("</div>").toString(), String.join("\n", lines(r)));
        }

        static List<String> lines(CurriculumResult r) {
            List<String> out = new java.util.ArrayList<>();
            for (var s : r.stages()) {
                out.add(s.name() + ": " + (s.trainedNow() ? Result.facts(s.training()) : "✓ trained by an earlier run")
                        + " → " + s.checkpoint());
            }
            r.guard().forEach(g -> out.add(GuardText.line(g)));
            out.add(r.interrupted() ? "⏸ curriculum " + r.curriculum() + " interrupted: run the same line again (same out="
                    + r.folder() + ") to resume it"
                    : "✓ curriculum " + r.curriculum() + " finished: the model is " + r.lastCheckpoint() + " (--model last)");
            return out;
        }
    }

    static final class Result implements Renderer<UnifiedTrainingResult> {
        @Override
        public Class<UnifiedTrainingResult> type() {
            return UnifiedTrainingResult.class;
        }

        @Override
        public Map<String, String> render(UnifiedTrainingResult r) {
            String colour = r.interrupted() ? Palette.WARN : Palette.DONE;
            return Html.bundle("<div class=\"tessera-training-result\" style=\"font-family:sans-serif;font-size:13px;"
                    + "padding:4px 8px;border-left:4px solid " + colour + "\">" + Html.escape(summary(r)) + "</div>", summary(r));
        }

        static String summary(UnifiedTrainingResult r) {
            String s = facts(r);
            return r.interrupted() ? s + " · resume=true continues it" : s;
        }

        /** Steps, time, rate, final losses and skipped steps of a run. */
        static String facts(UnifiedTrainingResult r) {
            StringBuilder sb = new StringBuilder(r.interrupted() ? "⏸ interrupted at step " : "✓ trained to step ")
                    .append(r.steps()).append(" · ").append(Format.duration(r.seconds())).append(" this run · ")
                    .append(Format.whole(r.tokensPerSecond())).append(" tokens/s");
            if (!r.history().isEmpty()) {
                sb.append(" · final ").append(losses(r.history().get(r.history().size() - 1)));
            }
            if (r.skippedSteps() > 0) {
                sb.append(" · ").append(r.skippedSteps()).append(" step").append(r.skippedSteps() == 1 ? "" : "s")
                        .append(" skipped (gradient not finite)");
            }
            return sb.toString();
        }

        /** "loss 2.000 (text 1.500, image 2.500)", then "; tasks: caption 1.200, ..." when the step has tasks. */
        private static String losses(StepLoss s) {
            StringBuilder sb = new StringBuilder("loss ").append(Format.loss(s.loss())).append(" (text ")
                    .append(Format.loss(s.textNll())).append(", image ").append(Format.loss(s.imageNll()));
            String separator = "; tasks: ";
            for (Map.Entry<String, Double> t : s.tasks().entrySet()) {
                sb.append(separator).append(t.getKey()).append(' ').append(Format.loss(t.getValue()));
                separator = ", ";
            }
            return sb.append(')').toString();
        }
    }

    /**
     * Step of total (for a curriculum: the stage, its step and the overall step) with the share
     * done, a bar, then rates, elapsed time and time left.
     */
    static String progress(TrainingBoard b) {
        TrainingProgress p = b.latest();
        if (p == null) {
            String what = !b.history().isEmpty() ? where(b, b.history().get(b.history().size() - 1).step(), totalSteps(b))
                    : b.finished() ? "no step was trained" : "waiting for the first step…";
            return "<div style=\"font-size:15px;font-weight:600\">" + Html.escape(what) + "</div>" + Html.bar(0, colour(b), WIDTH, 12);
        }
        return progress(p, where(b, p.step(), p.totalSteps()), b.finished(), colour(b));
    }

    /**
     * The header of any training board once it has a progress report: {@code where} (e.g. "step
     * 3/10") with the share done, a bar in {@code colour}, then rates, elapsed time, the time left
     * while running, and the skipped steps.
     */
    static String progress(TrainingProgress p, String where, boolean finished, String colour) {
        String tokens = p.tokensPerSecond() > 0 ? " · " + Format.whole(p.tokensPerSecond()) + " tokens/s" : "";
        String rates = Format.of("%.2f steps/s", p.stepsPerSecond()) + tokens + " · elapsed "
                + Format.duration(p.elapsedSeconds()) + (finished ? "" : " · ETA " + Format.duration(p.etaSeconds()))
                // always shown: a skipped step (non-finite gradient) must never pass unseen
                + " · " + p.skippedSteps() + " skipped step" + (p.skippedSteps() == 1 ? "" : "s");
        return "<div style=\"display:flex;justify-content:space-between;align-items:baseline;width:" + WIDTH + "px\">"
                + "<span style=\"font-size:15px;font-weight:600\">" + Html.escape(where) + "</span>"
                + "<span style=\"font-size:15px\">" + Format.percent(p.fraction()) + "</span></div>"
                + Html.bar(p.fraction(), colour, WIDTH, 12)
                + "<div style=\"" + NOTE + ";margin:4px 0 8px\">" + rates + "</div>";
    }

    /**
     * Overall step {@code step} of {@code total} as text: "step 3/10" ("step 3" when the total is
     * not known), on a curriculum's board "stage 2/3 · NAME · step 40/100 of this stage · overall 840/1100".
     */
    static String where(TrainingBoard b, int step, int total) {
        StageMark s = b.stageAt(step);
        if (s == null) {
            return "step " + step + (total > 0 ? "/" + total : "");
        }
        return "stage " + (b.stages().indexOf(s) + 1) + "/" + b.stages().size() + " · " + s.name() + " · step "
                + (step - s.offset()) + "/" + s.steps() + " of this stage · overall " + step + "/" + total;
    }

    /** Steps planned: the latest progress's, else those of all stages; 0 for a single run before its first report. */
    private static int totalSteps(TrainingBoard b) {
        if (b.latest() != null) {
            return b.latest().totalSteps();
        }
        StageMark last = b.stages().isEmpty() ? null : b.stages().get(b.stages().size() - 1);
        return last == null ? 0 : last.offset() + last.steps();
    }

    /**
     * The losses of the last step, each in its curve's colour: the three of every step, then one
     * per task of the run in {@code tasks} order ("—" when the last step's batch had none of it).
     */
    static String losses(StepLoss s, List<String> tasks) {
        StringBuilder sb = new StringBuilder("<div class=\"tessera-losses\" style=\"display:flex;flex-wrap:wrap;gap:18px;"
                + "margin:4px 0\">");
        double[] v = {s.loss(), s.textNll(), s.imageNll()};
        for (int k = 0; k < v.length; k++) {
            sb.append(loss(LossChart.SERIES.get(k), LossChart.COLOURS.get(k), v[k]));
        }
        for (int k = 0; k < tasks.size(); k++) {
            sb.append(loss(Html.escape(LossChart.taskSeries(tasks.get(k))), Palette.series(k), s.tasks().get(tasks.get(k))));
        }
        return sb.append("</div>").toString();
    }

    private static String loss(String label, String colour, Double value) {
        return "<div style=\"border-left:4px solid " + colour + ";padding-left:6px\"><div style=\"" + NOTE + "\">" + label
                + "</div><div style=\"font-size:18px;font-weight:600\">" + Format.loss(value) + "</div></div>";
    }

    /** The last step's losses: from the history, else from the latest progress; null before the first step. */
    static StepLoss current(TrainingBoard b) {
        if (!b.history().isEmpty()) {
            return b.history().get(b.history().size() - 1);
        }
        TrainingProgress p = b.latest();
        if (p == null) {
            return null;
        }
        Map<String, Double> tasks = new LinkedHashMap<>();
        p.parts().forEach((part, v) -> {
            if (part.startsWith(TASK_PART)) {
                tasks.put(part.substring(TASK_PART.length()), v);
            }
        });
        return new StepLoss(p.step(), p.loss(), p.parts().getOrDefault("text", Double.NaN),
                p.parts().getOrDefault("image", Double.NaN), tasks);
    }

    /**
     * Where the checkpoint is and what to do next. A curriculum resumes by running its line again
     * on the same folder, and its model is the last stage's checkpoint.
     */
    static String status(TrainingBoard b) {
        boolean staged = !b.stages().isEmpty();
        String folder = b.checkpoint() == null ? "(no folder)" : b.checkpoint().toString();
        if (!b.finished()) {
            return "● running: checkpoints go to " + folder + (staged ? ", one folder per stage" : "")
                    + "; the kernel's interrupt button stops after the current step, and the checkpoint then holds every "
                    + "finished step";
        }
        StepLoss last = current(b);
        String at = last == null ? "" : " at step " + last.step();
        if (b.interrupted()) {
            return staged
                    ? "⏸ interrupted" + at + ": the checkpoints in " + folder + " hold every finished step; to resume, run the "
                            + "same %tessera train line again with out=" + folder
                    : "⏸ interrupted" + at + ": the checkpoint in " + folder + " holds every finished step; resume=true continues it";
        }
        String model = staged && b.checkpoint() != null ? lastStageFolder(b) : folder;
        return "✓ finished" + at + ": the model is in " + model + (staged ? " (the last stage's checkpoint)" : "")
                + "; use it with --model " + model;
    }

    private static String lastStageFolder(TrainingBoard b) {
        int last = b.stages().size() - 1;
        return CurriculumRunner.stageFolder(b.checkpoint(), last, b.stages().get(last).name()).toString();
    }

    private static String colour(TrainingBoard b) {
        return !b.finished() ? Palette.IMAGE : b.interrupted() ? Palette.WARN : Palette.DONE;
    }

    /**
     * The text guard's readings (TEAL: held-out text perplexity at each stage boundary), one row
     * each, a reading that rose beyond the guard's tolerance in the warning colour; empty without any.
     */
    static String guard(List<GuardReading> readings) {
        if (readings.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("<div class=\"tessera-guard\" style=\"font-size:13px;margin-top:6px\">"
                + "<div style=\"" + NOTE + "\">text guard: held-out text perplexity (lower is better)</div>");
        for (GuardReading g : readings) {
            String colour = g.breached() ? Palette.WARN : Palette.DONE;
            sb.append("<div style=\"border-left:4px solid ").append(colour).append(";padding-left:6px\">")
                    .append(Html.escape(GuardText.line(g))).append("</div>");
        }
        return sb.append("</div>").toString();
    }

    static String summary(TrainingBoard b) {
        TrainingProgress p = b.latest();
        StepLoss s = current(b);
        StringBuilder sb = new StringBuilder();
        if (p != null) {
            sb.append(where(b, p.step(), p.totalSteps())).append(" (").append(Format.percent(p.fraction())).append(") ");
        }
        if (s != null) {
            sb.append(Result.losses(s)).append(p == null ? "; " : Format.of(", %.2f steps/s, ETA %s, %d skipped; ",
                    p.stepsPerSecond(), Format.duration(p.etaSeconds()), p.skippedSteps()));
        }
        if (!b.guard().isEmpty()) {
            sb.append(GuardText.line(b.guard().get(b.guard().size() - 1))).append("; ");
        }
        return sb.append(status(b)).toString();
    }
}
