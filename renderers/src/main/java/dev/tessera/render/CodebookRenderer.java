package dev.tessera.render;

import dev.tessera.engine.eval.CodebookReport;
import dev.tessera.engine.eval.ReconstructionReport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A codebook report: a table of its numbers (size, levels, utilization and perplexity per
 * level, dead codes, held-out quality), the {@link AtlasPicture} as PNG, and a rank-ordered usage chart
 * (times each code was chosen, log scale, one line per level) as inline SVG.
 */
public final class CodebookRenderer implements Renderer<CodebookReport> {

    @Override
    public Class<CodebookReport> type() {
        return CodebookReport.class;
    }

    @Override
    public Map<String, String> render(CodebookReport report) {
        String png = Png.base64(AtlasPicture.draw(report));
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/html", "<div class=\"tessera-codebook\">" + table(report)
                + "<div style=\"display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start\">"
                + Html.img(png, "codebook atlas of " + report.tokenizer()) + usageChart(report.heldOut()) + "</div></div>");
        bundle.put("image/png", png);
        bundle.put("text/plain", summary(report));
        return bundle;
    }

    static String table(CodebookReport report) {
        ReconstructionReport h = report.heldOut();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"tokenizer", Html.escape(report.tokenizer())});
        rows.add(new String[] {"description", Html.escape(report.description())});
        rows.add(new String[] {"codebook size", h.codebookSize() + (h.levels() > 1 ? " codes per level" : " codes")});
        rows.add(new String[] {"levels", Integer.toString(h.levels())});
        for (int l = 0; l < h.levels(); l++) {
            rows.add(new String[] {h.levels() > 1 ? "level " + (l + 1) : "codes used", String.format(
                    "%d of %d (utilization %.1f%%), perplexity %.1f", h.usedCodes(l), h.codebookSize(),
                    100 * h.utilization(l), h.perplexity(l))});
        }
        rows.add(new String[] {"dead codes", String.format("%.1f%%", 100 * h.deadCodeRatio())});
        rows.add(new String[] {"held-out images", Integer.toString(h.images())});
        rows.add(new String[] {"PSNR (held-out)", String.format("%.2f dB", h.meanPsnr())});
        rows.add(new String[] {"SSIM (held-out)", String.format("%.3f", h.meanSsim())});
        return Html.keyValueTable("tessera-metrics", rows);
    }

    /**
     * How often each code was chosen, codes ranked from most to least used, on a log scale, one
     * line per level of a residual stack: on a linear axis a codebook in full use looks nearly
     * empty, because a few background codes are chosen thousands of times more often than the
     * rest. A dashed line marks the count every code would have if all were used equally; codes
     * never chosen (dead) cannot sit on a log axis, so the line stops where they begin, the x axis
     * runs on to the codebook's size, and the subtitle counts them.
     */
    static String usageChart(ReconstructionReport h) {
        List<Integer> rank = new ArrayList<>();
        List<Long> count = new ArrayList<>();
        List<String> level = new ArrayList<>();
        List<String> levelNames = new ArrayList<>();
        List<Double> uniform = new ArrayList<>();
        List<String> colours = new ArrayList<>();
        StringBuilder dead = new StringBuilder();
        for (int l = 0; l < h.levels(); l++) {
            long[] sorted = h.usage()[l].clone();
            Arrays.sort(sorted);
            long total = 0;
            for (int k = 0; k < sorted.length; k++) {
                long c = sorted[sorted.length - 1 - k];
                total += c;
                if (c > 0) {
                    rank.add(k + 1);
                    count.add(c);
                    level.add("level " + (l + 1));
                }
            }
            levelNames.add("level " + (l + 1));
            uniform.add((double) total / h.codebookSize());
            colours.add(Palette.level(l));
            dead.append(l == 0 ? "" : ", ").append(h.codebookSize() - h.usedCodes(l));
        }
        Chart chart = Chart.of(Map.of("rank", rank, "count", count, "level", level))
                .map("x", "rank").map("y", "count").map("color", "level")
                .layer("line", Map.of("size", 1))
                .layer("hline", Map.of("data", Map.of("level", levelNames, "uniform", uniform),
                        "mapping", Map.of("yintercept", "uniform"), "linetype", "dashed", "color", "#555555"))
                .colours("color", colours)
                .scale("y", Map.of("trans", "log10"))
                // the whole codebook on the x axis, so dead codes show as the empty tail after the line
                .scale("x", Map.of("limits", List.of(1, h.codebookSize())))
                .axisTitles("codes ranked by use (1 = most used)", "times chosen (log scale)")
                .title("Code usage on " + h.images() + " held-out images",
                        "dashed: equal use of every code; codes never chosen" + (h.levels() > 1 ? " per level" : "")
                                + ": " + dead)
                .size(640, 300);
        return chart.svg();
    }

    static String summary(CodebookReport report) {
        ReconstructionReport h = report.heldOut();
        StringBuilder sb = new StringBuilder(report.tokenizer() + ": " + h.codebookSize() + " codes"
                + (h.levels() > 1 ? " x " + h.levels() + " levels" : ""));
        for (int l = 0; l < h.levels(); l++) {
            sb.append(l == 0 ? "; " : ", ").append(h.levels() > 1 ? "level " + (l + 1) + " " : "")
                    .append(String.format("%d used (%.1f%%), perplexity %.1f", h.usedCodes(l), 100 * h.utilization(l),
                            h.perplexity(l)));
        }
        return sb.append(String.format("; PSNR %.2f dB, SSIM %.3f on %d held-out images", h.meanPsnr(), h.meanSsim(),
                h.images())).toString();
    }
}
