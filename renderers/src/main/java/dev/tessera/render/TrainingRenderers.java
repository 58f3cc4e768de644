package dev.tessera.render;

import dev.tessera.engine.train.TrainingProgress;
import dev.tessera.engine.train.StepLoss;
import dev.tessera.engine.unified.UnifiedTrainingResult;
import dev.tessera.engine.train.TrainingBoard;

import java.util.List;
import java.util.Map;

/**
 * A unified training while it runs and when it has returned. The live {@link TrainingBoard} is
 * drawn again on every update, so it is plain HTML around one chart: a progress bar with the
 * rates and the time left, the current losses, the {@link LossChart} and a status line saying
 * where the checkpoint is and how to continue it. The returned result is one line, since the
 * board above it already shows the chart.
 */
final class TrainingRenderers {

    private static final String NOTE = "font-size:12px;color:#6e6e6e";
    private static final int WIDTH = 640;

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
                html.append(losses(now));
            }
            if (!b.history().isEmpty()) {
                html.append(LossChart.svg(b.history()));
            }
            html.append("<div class=\"tessera-status\" style=\"font-size:13px;margin-top:6px;padding:4px 8px;border-left:4px solid ")
                    .append(colour(b)).append("\">").append(Html.escape(status(b))).append("</div>");
            return Html.bundle(html.append("</div>").toString(), summary(b));
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
            return r.interrupted() ? sb.append(" · resume=true continues it").toString() : sb.toString();
        }

        private static String losses(StepLoss s) {
            return "loss " + Format.loss(s.loss()) + " (text " + Format.loss(s.textNll()) + ", image "
                    + Format.loss(s.imageNll()) + ")";
        }
    }

    /** Step of total with the share done, a bar, then rates, elapsed time and time left. */
    static String progress(TrainingBoard b) {
        TrainingProgress p = b.latest();
        if (p == null) {
            String what = !b.history().isEmpty() ? "step " + b.history().get(b.history().size() - 1).step()
                    : b.finished() ? "no step was trained" : "waiting for the first step…";
            return "<div style=\"font-size:15px;font-weight:600\">" + what + "</div>" + Html.bar(0, colour(b), WIDTH, 12);
        }
        String tokens = p.tokensPerSecond() > 0 ? " · " + Format.whole(p.tokensPerSecond()) + " tokens/s" : "";
        String rates = Format.of("%.2f steps/s", p.stepsPerSecond()) + tokens + " · elapsed "
                + Format.duration(p.elapsedSeconds()) + (b.finished() ? "" : " · ETA " + Format.duration(p.etaSeconds()))
                // always shown: a skipped step (non-finite gradient) must never pass unseen
                + " · " + p.skippedSteps() + " skipped step" + (p.skippedSteps() == 1 ? "" : "s");
        return "<div style=\"display:flex;justify-content:space-between;align-items:baseline;width:" + WIDTH + "px\">"
                + "<span style=\"font-size:15px;font-weight:600\">step " + p.step() + "/" + p.totalSteps() + "</span>"
                + "<span style=\"font-size:15px\">" + Format.percent(p.fraction()) + "</span></div>"
                + Html.bar(p.fraction(), colour(b), WIDTH, 12)
                + "<div style=\"" + NOTE + ";margin:4px 0 8px\">" + rates + "</div>";
    }

    /** The losses of the last step, each in its curve's colour. */
    static String losses(StepLoss s) {
        double[] v = {s.loss(), s.textNll(), s.imageNll()};
        StringBuilder sb = new StringBuilder("<div class=\"tessera-losses\" style=\"display:flex;gap:18px;margin:4px 0\">");
        for (int k = 0; k < v.length; k++) {
            sb.append("<div style=\"border-left:4px solid ").append(LossChart.COLOURS.get(k)).append(";padding-left:6px\">")
                    .append("<div style=\"").append(NOTE).append("\">").append(LossChart.SERIES.get(k)).append("</div>")
                    .append("<div style=\"font-size:18px;font-weight:600\">").append(Format.loss(v[k])).append("</div></div>");
        }
        return sb.append("</div>").toString();
    }

    /** The last step's losses: from the history, else from the latest progress; null before the first step. */
    static StepLoss current(TrainingBoard b) {
        if (!b.history().isEmpty()) {
            return b.history().get(b.history().size() - 1);
        }
        TrainingProgress p = b.latest();
        return p == null ? null : new StepLoss(p.step(), p.loss(), p.parts().getOrDefault("text", Double.NaN),
                p.parts().getOrDefault("image", Double.NaN));
    }

    static String status(TrainingBoard b) {
        String folder = b.checkpoint() == null ? "(no folder)" : b.checkpoint().toString();
        if (!b.finished()) {
            return "● running: checkpoints go to " + folder + "; the kernel's interrupt button stops after the current step, "
                    + "and the checkpoint then holds every finished step";
        }
        StepLoss last = current(b);
        String at = last == null ? "" : " at step " + last.step();
        return b.interrupted()
                ? "⏸ interrupted" + at + ": the checkpoint in " + folder + " holds every finished step; resume=true continues it"
                : "✓ finished" + at + ": the model is in " + folder + "; use it with --model " + folder;
    }

    private static String colour(TrainingBoard b) {
        return !b.finished() ? Palette.IMAGE : b.interrupted() ? Palette.WARN : Palette.DONE;
    }

    static String summary(TrainingBoard b) {
        TrainingProgress p = b.latest();
        StepLoss s = current(b);
        StringBuilder sb = new StringBuilder();
        if (p != null) {
            sb.append("step ").append(p.step()).append('/').append(p.totalSteps()).append(" (").append(Format.percent(p.fraction()))
                    .append(") ");
        }
        if (s != null) {
            sb.append(Result.losses(s)).append(p == null ? "; " : Format.of(", %.2f steps/s, ETA %s, %d skipped; ",
                    p.stepsPerSecond(), Format.duration(p.etaSeconds()), p.skippedSteps()));
        }
        return sb.append(status(b)).toString();
    }
}
