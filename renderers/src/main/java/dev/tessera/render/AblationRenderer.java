package dev.tessera.render;

import dev.tessera.engine.ablation.AblationResults;
import dev.tessera.engine.ablation.AblationRun;
import dev.tessera.engine.ablation.ArmMetrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results of an ablation ({@link AblationResults}): one row per arm with each metric's mean
 * and its range across seeds, the best arm of a column in bold when it is ahead of every other
 * arm by more than the spread across seeds (and marked "within the spread" otherwise), then a
 * chart with every seed's value as a point, one panel per metric.
 */
final class AblationRenderer implements Renderer<AblationResults> {

    /** The columns of the table and the panels of the chart, in order; a metric no run measured is left out. */
    static final List<String> SHOWN = List.of("exactCaptions", "answerAccuracy", "judgedTextToImage", "imageNll", "textNll",
            "tokenizerPsnr", "codebookUtilisation", "imageIds", "maxImageIds");

    @Override
    public Class<AblationResults> type() {
        return AblationResults.class;
    }

    @Override
    public Map<String, String> render(AblationResults r) {
        StringBuilder html = new StringBuilder("<div class=\"tessera-ablation\" style=\"font-family:sans-serif;font-size:13px\">"
                + "<div style=\"font-size:15px;font-weight:600\">").append(Html.escape(headline(r))).append("</div>")
                .append("<div style=\"color:#6e6e6e;margin:2px 0 8px\">").append(Html.escape(r.description())).append("</div>");
        if (r.runs().isEmpty()) {
            return Html.bundle(html.append("no finished runs yet</div>").toString(), headline(r));
        }
        html.append(table(r));
        if (r.arms().size() >= 2) {
            html.append("<div style=\"margin:8px 0\">");
            for (String line : verdicts(r)) {
                html.append("<div>").append(Html.escape(line)).append("</div>");
            }
            html.append("</div>");
        }
        html.append(chart(r).svg());
        if (!r.curve(CURVED.get(0)).isEmpty()) {
            html.append(curveTable(r)).append(curveChart(r).svg());
        }
        return Html.bundle(html.append("</div>").toString(), headline(r) + "; " + String.join("; ", verdicts(r)));
    }

    /** "unicode · 12 runs · 4 arms x 3 seeds · 3000 steps of batch 8, ..." ("2-3 seeds" when the arms differ). */
    static String headline(AblationResults r) {
        java.util.IntSummaryStatistics seeds = r.arms().stream()
                .mapToInt(arm -> (int) r.runs().stream().filter(x -> x.arm().equals(arm)).count()).summaryStatistics();
        String perArm = r.arms().isEmpty() ? "0" : seeds.getMin() == seeds.getMax() ? String.valueOf(seeds.getMax())
                : seeds.getMin() + "-" + seeds.getMax();
        List<String> recipes = r.runs().stream().map(AblationRun::recipe).distinct().toList();
        return r.ablation() + " · " + r.runs().size() + (r.runs().size() == 1 ? " run" : " runs") + " · " + r.arms().size()
                + " arms x " + perArm + (perArm.equals("1") ? " seed" : " seeds")
                + (recipes.isEmpty() ? "" : " · " + String.join(" | ", recipes));
    }

    /** The metrics at least one run measured (a finite value), in {@link #SHOWN} order. */
    static List<String> measured(AblationResults r) {
        List<String> any = r.measured();
        return SHOWN.stream().filter(any::contains).toList();
    }

    /** One line per metric: which arm is best and whether by more than the spread across seeds. */
    static List<String> verdicts(AblationResults r) {
        List<String> out = new ArrayList<>();
        if (r.arms().size() < 2) {
            return out;
        }
        for (String m : measured(r)) {
            List<String> without = r.summary(m).stream().filter(s -> !Double.isFinite(s.mean()))
                    .map(AblationResults.ArmSummary::arm).toList();
            if (!without.isEmpty()) {
                // e.g. image NLL of a model that writes no image: nothing to compare
                out.add(label(m) + ": not measured for " + String.join(", ", without) + ", so no verdict");
                continue;
            }
            AblationResults.Verdict v = r.verdict(m);
            out.add(label(m) + ": " + v.best() + (v.clear() ? " is best, ahead of every other arm on every seed"
                    : !v.enoughSeeds() ? " has the best mean; too few seeds to call it (every arm needs two)"
                    : " has the best mean, but within the spread across seeds (no clear best)") + " (ahead of "
                    + v.runnerUp() + " by " + value(m, v.margin()) + ")");
        }
        return out;
    }

    static String table(AblationResults r) {
        List<String> metrics = measured(r);
        boolean guarded = r.runs().stream().anyMatch(run -> !run.guard().isEmpty());
        StringBuilder sb = new StringBuilder("<table style=\"border-collapse:collapse\"><tr><th style=\"" + CELL
                + "text-align:left\">arm</th><th style=\"" + CELL + "\">runs</th>");
        for (String m : metrics) {
            sb.append("<th style=\"").append(CELL).append("\">").append(Html.escape(label(m))).append("</th>");
        }
        if (guarded) {
            sb.append("<th style=\"").append(CELL).append("\">text perplexity change</th>");
        }
        sb.append("</tr>");
        Map<String, AblationResults.Verdict> verdicts = new LinkedHashMap<>();
        if (r.arms().size() >= 2) {
            metrics.forEach(m -> verdicts.put(m, r.verdict(m)));
        }
        for (String arm : r.arms()) {
            List<AblationRun> runs = r.runs().stream().filter(x -> x.arm().equals(arm)).toList();
            sb.append("<tr><td style=\"").append(CELL).append("text-align:left;font-weight:600\">").append(Html.escape(arm))
                    .append("</td><td style=\"").append(CELL).append("\">").append(runs.size()).append("</td>");
            for (String m : metrics) {
                AblationResults.ArmSummary s = r.summary(m).stream().filter(x -> x.arm().equals(arm)).findFirst().orElseThrow();
                AblationResults.Verdict v = verdicts.get(m);
                boolean best = v != null && v.clear() && v.best().equals(arm);
                sb.append("<td style=\"").append(CELL).append(best ? "font-weight:700;background:#e8f4ec" : "").append("\">")
                        .append(Html.escape(value(m, s.mean()))).append("<div style=\"color:#6e6e6e;font-size:11px\">")
                        .append(Html.escape(value(m, s.min()) + "–" + value(m, s.max()) + spreadOf(m, s))).append("</div></td>");
            }
            if (guarded) {
                double mean = runs.stream().mapToDouble(AblationRun::textPerplexityChange).average().orElse(Double.NaN);
                sb.append("<td style=\"").append(CELL).append("\">").append(Html.escape(Double.isNaN(mean) ? Format.UNKNOWN
                        : String.format(Locale.ROOT, "%+.2f%%", 100 * mean))).append("</td>");
            }
            sb.append("</tr>");
        }
        return sb.append("</table>").toString();
    }

    private static final String CELL = "padding:3px 10px;border-bottom:1px solid #ddd;text-align:right;";

    /** Every run's value of each measured metric as a point, one panel per metric, an arm per colour. */
    static Chart chart(AblationResults r) {
        List<String> metric = new ArrayList<>();
        List<String> arm = new ArrayList<>();
        List<Double> value = new ArrayList<>();
        List<String> metrics = measured(r);
        for (String m : metrics) {
            for (AblationRun run : r.runs()) {
                double v = ArmMetrics.METRICS.get(m).read().applyAsDouble(run.metrics());
                if (Double.isFinite(v)) {
                    metric.add(label(m));
                    arm.add(run.arm());
                    value.add(percentage(m) ? 100 * v : v);
                }
            }
        }
        Map<String, List<?>> columns = new LinkedHashMap<>();
        columns.put("metric", metric);
        columns.put("arm", arm);
        columns.put("value", value);
        return Chart.of(columns)
                .map("x", "arm").map("y", "value").map("color", "arm")
                .layer("point", Map.of("size", 3, "alpha", 0.8))
                .scale("x", Map.of("limits", r.arms()))
                .scale("color", Map.of("name", "", "limits", r.arms(), "values", armColours(r)))
                .facetRows("metric")
                .axisTitles("arm", "")
                .title("every seed of every arm", "percentages for accuracies and code use; nats for NLL; dB for PSNR; "
                        + "ids from <boi> to <eoi> inclusive")
                .theme(Map.of("legend_position", "top"))
                .size(Math.max(420, 140 * r.arms().size()), 150 * Math.max(1, metrics.size()) + 80);
    }

    /** The metrics an ablation with curve points shows against training steps. */
    static final List<String> CURVED = List.of("exactCaptions", "attributeAccuracy", "answerAccuracy");

    /** Each arm's mean ± sd across seeds of every curved metric at every measured step. */
    static String curveTable(AblationResults r) {
        List<AblationResults.CurvePoint> first = r.curve(CURVED.get(0));
        List<Integer> steps = first.stream().map(AblationResults.CurvePoint::step).distinct().sorted().toList();
        StringBuilder sb = new StringBuilder("<div style=\"margin:10px 0 4px;font-weight:600\">against training steps "
                + "(mean ± sd across seeds)</div><table style=\"border-collapse:collapse\"><tr><th style=\"" + CELL
                + "text-align:left\">metric</th><th style=\"" + CELL + "text-align:left\">arm</th>");
        for (int step : steps) {
            sb.append("<th style=\"").append(CELL).append("\">").append(step).append(" steps</th>");
        }
        sb.append("</tr>");
        for (String m : CURVED) {
            List<AblationResults.CurvePoint> points = r.curve(m);
            for (String arm : r.arms()) {
                sb.append("<tr><td style=\"").append(CELL).append("text-align:left\">").append(Html.escape(label(m)))
                        .append("</td><td style=\"").append(CELL).append("text-align:left;font-weight:600\">")
                        .append(Html.escape(arm)).append("</td>");
                for (int step : steps) {
                    String cell = points.stream().filter(p -> p.arm().equals(arm) && p.step() == step).findFirst()
                            .map(p -> value(m, p.mean()) + (Double.isFinite(p.sd()) ? " ± " + value(m, p.sd()) : ""))
                            .orElse(Format.UNKNOWN);
                    sb.append("<td style=\"").append(CELL).append("\">").append(Html.escape(cell)).append("</td>");
                }
                sb.append("</tr>");
            }
        }
        return sb.append("</table>").toString();
    }

    /** Every seed's value of each curved metric against steps as points, each arm's mean as a line. */
    static Chart curveChart(AblationResults r) {
        List<String> metric = new ArrayList<>();
        List<String> arm = new ArrayList<>();
        List<Integer> step = new ArrayList<>();
        List<Double> value = new ArrayList<>();
        Map<String, List<Object>> means = new LinkedHashMap<>();
        for (String key : List.of("metric", "arm", "step", "value")) {
            means.put(key, new ArrayList<>());
        }
        for (String m : CURVED) {
            for (AblationResults.CurvePoint p : r.curve(m)) {
                for (double v : p.values()) {
                    metric.add(label(m));
                    arm.add(p.arm());
                    step.add(p.step());
                    value.add(100 * v);
                }
                means.get("metric").add(label(m));
                means.get("arm").add(p.arm());
                means.get("step").add(p.step());
                means.get("value").add(100 * p.mean());
            }
        }
        Map<String, List<?>> columns = new LinkedHashMap<>();
        columns.put("metric", metric);
        columns.put("arm", arm);
        columns.put("step", step);
        columns.put("value", value);
        return Chart.of(columns)
                .map("x", "step").map("y", "value").map("color", "arm")
                .layer("point", Map.of("size", 2.5, "alpha", 0.7))
                .layer("line", Map.of("data", means, "size", 1))
                .scale("color", Map.of("name", "", "limits", r.arms(), "values", armColours(r)))
                .facetRows("metric")
                .axisTitles("training steps", "%")
                .title("accuracy against training steps", "points: every seed; lines: the mean of the seeds")
                .theme(Map.of("legend_position", "top"))
                .size(560, 170 * CURVED.size() + 80);
    }

    /** One series colour per arm, in {@link AblationResults#arms()} order. */
    private static List<String> armColours(AblationResults r) {
        List<String> colours = new ArrayList<>();
        for (int k = 0; k < r.arms().size(); k++) {
            colours.add(Palette.series(k));
        }
        return colours;
    }

    private static boolean percentage(String metric) {
        return metric.endsWith("Captions") || metric.endsWith("Accuracy") || metric.equals("judgedTextToImage")
                || metric.equals("codebookUtilisation");
    }

    static String label(String metric) {
        return switch (metric) {
            case "exactCaptions" -> "exact captions";
            case "attributeAccuracy" -> "caption attributes";
            case "answerAccuracy" -> "answers";
            case "judgedTextToImage" -> "text-to-image (judged)";
            case "imageNll" -> "image NLL";
            case "textNll" -> "text NLL";
            case "tokenizerPsnr" -> "tokenizer PSNR";
            case "codebookUtilisation" -> "codebook used";
            case "codebookPerplexity" -> "codebook perplexity";
            case "imageIds" -> "ids per image";
            case "maxImageIds" -> "most ids in an image";
            default -> metric;
        };
    }

    /** " · sd x" across seeds, or nothing with one seed. */
    static String spreadOf(String metric, AblationResults.ArmSummary s) {
        double sd = s.standardDeviation();
        return Double.isFinite(sd) ? " · sd " + value(metric, sd) : "";
    }

    static String value(String metric, double v) {
        if (!Double.isFinite(v)) {
            return Format.UNKNOWN;
        }
        if (percentage(metric)) {
            return String.format(Locale.ROOT, "%.1f%%", 100 * v);
        }
        if (metric.endsWith("ImageIds") || metric.equals("imageIds")) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return metric.equals("tokenizerPsnr") ? String.format(Locale.ROOT, "%.2f dB", v) : String.format(Locale.ROOT, "%.3f", v);
    }
}
