package dev.tessera.render;

import dev.tessera.engine.eval.ReconstructionReport;
import dev.tessera.engine.train.TokenizerBoard;
import dev.tessera.engine.train.TokenizerBoard.Step;
import dev.tessera.engine.train.TokenizerRunResult;
import dev.tessera.engine.train.TrainingProgress;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An image tokenizer's training while it runs and when it has returned. The live board is the
 * progress header every training shows, the last step's numbers, and two charts: the
 * reconstruction as PSNR (how close the decoded batch is to its input; higher is better) and the
 * codebook's health on each batch (the share of codes chosen at least once, and the perplexity as
 * a share of the codebook: how evenly they are used). A collapsing codebook shows there as both
 * lines falling while the PSNR stalls. Once finished it adds the trained tokenizer on held-out
 * scenes. A long run is thinned to at most {@value #MAX_POINTS} points a line, each the mean of
 * equal runs of steps.
 */
final class TokenizerTrainingRenderers {

    static final int MAX_POINTS = 500;
    static final List<String> HEALTH = List.of("codes used", "perplexity / codebook");

    private TokenizerTrainingRenderers() {
    }

    static final class Board implements Renderer<TokenizerBoard> {
        @Override
        public Class<TokenizerBoard> type() {
            return TokenizerBoard.class;
        }

        @Override
        public Map<String, String> render(TokenizerBoard b) {
            StringBuilder html = new StringBuilder("<div class=\"tessera-tokenizer-training\" style=\"font-family:sans-serif;"
                    + "max-width:" + (TrainingRenderers.WIDTH + 20) + "px\">");
            TrainingProgress p = b.latest();
            String colour = colour(b.finished(), b.interrupted());
            if (p == null) {
                html.append("<div style=\"font-size:15px;font-weight:600\">").append(b.finished() ? "no step was trained"
                        : "training " + Html.escape(b.tokenizer()) + ": waiting for the first step…").append("</div>")
                        .append(Html.bar(0, colour, TrainingRenderers.WIDTH, 12));
            } else {
                html.append(TrainingRenderers.progress(p, "training " + b.tokenizer() + " · step " + p.step() + "/"
                        + p.totalSteps(), b.finished(), colour));
            }
            if (!b.history().isEmpty()) {
                html.append(numbers(b.history().get(b.history().size() - 1), b.codebookSize()));
                html.append(psnrChart(b.history()).svg());
                if (b.history().stream().anyMatch(s -> Double.isFinite(s.codesUsed()))) {
                    html.append(healthChart(b.history(), b.codebookSize()).svg());
                }
            }
            if (b.heldOut() != null) {
                html.append("<div class=\"tessera-held-out\" style=\"font-size:13px;margin-top:6px\">")
                        .append(Html.escape(heldOut(b.heldOut(), b.codebookSize()))).append("</div>");
            }
            html.append("<div class=\"tessera-status\" style=\"font-size:13px;margin-top:6px;padding:4px 8px;"
                    + "border-left:4px solid ").append(colour).append("\">").append(Html.escape(status(b))).append("</div>");
            return Html.bundle(html.append("</div>").toString(), summary(b));
        }
    }

    /** A returned tokenizer training: one line, since the board above it already shows the charts. */
    static final class Result implements Renderer<TokenizerRunResult> {
        @Override
        public Class<TokenizerRunResult> type() {
            return TokenizerRunResult.class;
        }

        @Override
        public Map<String, String> render(TokenizerRunResult r) {
            String line = line(r);
            return Html.bundle("<div class=\"tessera-tokenizer-result\" style=\"font-family:sans-serif;font-size:13px;"
                    + "padding:4px 8px;border-left:4px solid " + colour(true, r.training().interrupted()) + "\">"
                    + Html.escape(line) + "</div>", line);
        }

        static String line(TokenizerRunResult r) {
            return (r.training().interrupted() ? "⏸ interrupted at step " : "✓ trained to step ") + r.training().stepsDone()
                    + " · " + Format.duration(r.training().seconds()) + " · " + heldOut(r.heldOut(), r.codebookSize())
                    + " · " + r.checkpoint();
        }
    }

    /** "held-out (256 scenes): PSNR 28.1 dB, SSIM 0.952, 201 of 256 codes used, perplexity 150". */
    static String heldOut(ReconstructionReport h, int codebookSize) {
        StringBuilder s = new StringBuilder(Format.of("held-out (%d scenes): PSNR %.1f dB, SSIM %.3f", h.images(),
                h.meanPsnr(), h.meanSsim()));
        for (int l = 0; l < h.levels(); l++) {
            s.append(h.levels() > 1 ? Format.of("; level %d: ", l + 1) : ", ").append(h.usedCodes(l)).append(" of ")
                    .append(codebookSize).append(" codes used, perplexity ").append(Format.of("%.0f", h.perplexity(l)));
        }
        return s.toString();
    }

    /** The last step's PSNR, quantizer loss, codes used and perplexity, each with its label. */
    static String numbers(Step s, int codebookSize) {
        return "<div class=\"tessera-losses\" style=\"display:flex;flex-wrap:wrap;gap:18px;margin:4px 0\">"
                + number("reconstruction PSNR", Palette.IMAGE, Format.of("%.1f dB", s.psnr()))
                + number("quantizer loss (commitment)", Palette.TOTAL, Format.loss(s.quantizer()))
                + number("codes used (this batch)", Palette.SCORE, Double.isFinite(s.codesUsed())
                        ? Format.percent(s.codesUsed()) : "—")
                + number("perplexity", Palette.TEXT, Double.isFinite(s.perplexity())
                        ? Format.of("%.0f of %d", s.perplexity(), codebookSize) : "—")
                + "</div>";
    }

    private static String number(String label, String colour, String value) {
        return "<div style=\"border-left:4px solid " + colour + ";padding-left:6px\"><div style=\"" + TrainingRenderers.NOTE
                + "\">" + label + "</div><div style=\"font-size:18px;font-weight:600\">" + value + "</div></div>";
    }

    /** {@code history} in consecutive runs of {@code ceil(n / max)} steps, each the mean of its finite values at its last step. */
    static List<Step> thin(List<Step> history, int max) {
        int n = history.size();
        if (n <= max) {
            return history;
        }
        int run = (n + max - 1) / max;
        List<Step> out = new ArrayList<>();
        for (int from = 0; from < n; from += run) {
            List<Step> part = history.subList(from, Math.min(n, from + run));
            out.add(new Step(part.get(part.size() - 1).step(), mean(part, Step::reconstruction), mean(part, Step::quantizer),
                    mean(part, Step::codesUsed), mean(part, Step::perplexity)));
        }
        return out;
    }

    private static double mean(List<Step> steps, java.util.function.ToDoubleFunction<Step> f) {
        return steps.stream().mapToDouble(f).filter(Double::isFinite).average().orElse(Double.NaN);
    }

    /** Reconstruction PSNR by step. */
    static Chart psnrChart(List<Step> history) {
        List<Step> points = thin(history, MAX_POINTS);
        List<Integer> step = new ArrayList<>();
        List<Double> psnr = new ArrayList<>();
        for (Step s : points) {
            step.add(s.step());
            psnr.add(Double.isFinite(s.psnr()) ? s.psnr() : null);
        }
        int run = (history.size() + MAX_POINTS - 1) / MAX_POINTS;
        return Chart.of(Map.of("step", step, "psnr", psnr))
                .map("x", "step").map("y", "psnr")
                .layer(points.size() == 1 ? "point" : "line", Map.of("size", points.size() == 1 ? 3 : 1, "color", Palette.IMAGE))
                .axisTitles("step", "PSNR of the batch (dB)")
                .title("reconstruction: higher is closer to the input", run <= 1 ? "every step" : "each point: the mean of "
                        + run + " steps")
                .size(TrainingRenderers.WIDTH, 220);
    }

    /** Codes used and perplexity per codebook size by step, in percent, where quantization ran. */
    static Chart healthChart(List<Step> history, int codebookSize) {
        List<Step> points = thin(history, MAX_POINTS);
        List<Integer> step = new ArrayList<>();
        List<Double> value = new ArrayList<>();
        List<String> series = new ArrayList<>();
        for (Step s : points) {
            if (!Double.isFinite(s.codesUsed())) {
                continue;
            }
            step.add(s.step());
            value.add(100 * s.codesUsed());
            series.add(HEALTH.get(0));
            step.add(s.step());
            value.add(100 * s.perplexity() / codebookSize);
            series.add(HEALTH.get(1));
        }
        return Chart.of(Map.of("step", step, "value", value, "series", series))
                .map("x", "step").map("y", "value").map("color", "series")
                .layer(step.size() <= 2 ? "point" : "line", Map.of("size", step.size() <= 2 ? 3 : 1))
                .scale("color", Map.of("name", "", "limits", HEALTH, "values", List.of(Palette.SCORE, Palette.TEXT)))
                .scale("y", Map.of("limits", List.of(0, 100)))
                .axisTitles("step", "% of the " + codebookSize + " codes")
                .title("codebook health on each batch", "falling lines: codes dying or use bunching on a few")
                .theme(Map.of("legend_position", "top"))
                .size(TrainingRenderers.WIDTH, 280);
    }

    static String status(TokenizerBoard b) {
        String folder = b.checkpoint().toString();
        if (!b.finished()) {
            return "● running: the checkpoint goes to " + folder + "; the kernel's interrupt button stops after the current "
                    + "step, and the checkpoint then holds every finished step";
        }
        String load = "; load it with TokenizerCheckpoint.load(Path.of(\"" + folder + "\"))";
        return (b.interrupted() ? "⏸ interrupted: the checkpoint in " + folder + " holds every finished step"
                : "✓ finished: the tokenizer is in " + folder) + load;
    }

    static String summary(TokenizerBoard b) {
        TrainingProgress p = b.latest();
        StringBuilder s = new StringBuilder();
        if (p != null) {
            s.append("step ").append(p.step()).append('/').append(p.totalSteps()).append(' ');
        }
        if (!b.history().isEmpty()) {
            Step last = b.history().get(b.history().size() - 1);
            s.append(Format.of("PSNR %.1f dB", last.psnr()));
            if (Double.isFinite(last.codesUsed())) {
                s.append(Format.of(", codes used %.0f%%, perplexity %.0f of %d", 100 * last.codesUsed(), last.perplexity(),
                        b.codebookSize()));
            }
            s.append("; ");
        }
        if (b.heldOut() != null) {
            s.append(heldOut(b.heldOut(), b.codebookSize())).append("; ");
        }
        return s.append(status(b)).toString();
    }

    private static String colour(boolean finished, boolean interrupted) {
        return !finished ? Palette.IMAGE : interrupted ? Palette.WARN : Palette.DONE;
    }
}
