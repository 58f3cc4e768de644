package dev.tessera.render;

import dev.tessera.engine.unified.CategoryScore;
import dev.tessera.engine.unified.GenerationReport;
import dev.tessera.engine.unified.UnifiedReport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How well a unified model does its tasks, as small tables side by side: captions, answers
 * (overall and per question template), held-out NLL, and text-to-image as judged when it was
 * evaluated. Shares are percentages with one decimal beside a bar.
 */
final class ReportRenderers {

    private static final String ROW = "display:flex;flex-wrap:wrap;gap:24px;align-items:flex-start";

    private ReportRenderers() {
    }

    static final class Unified implements Renderer<UnifiedReport> {
        @Override
        public Class<UnifiedReport> type() {
            return UnifiedReport.class;
        }

        @Override
        public Map<String, String> render(UnifiedReport r) {
            List<List<String>> captions = List.of(
                    row("caption attributes (mean)", r.attributeAccuracy(), Palette.SCORE),
                    row("count", r.countAccuracy(), Palette.SCORE),
                    row("colours", r.colourAccuracy(), Palette.SCORE),
                    row("shapes", r.shapeAccuracy(), Palette.SCORE),
                    row("exact captions", r.exactCaptions(), Palette.SCORE),
                    row("unreadable captions", r.unreadableCaptions(), Palette.WARN));
            List<List<String>> answers = new ArrayList<>();
            answers.add(row("<b>all questions</b>", r.answerAccuracy(), Palette.SCORE));
            new TreeMap<>(r.answerByTemplate()).forEach((t, v) -> answers.add(row(Html.escape(t), v, Palette.SCORE)));
            List<List<String>> nll = List.of(
                    List.of("text", Format.loss(r.textNll())),
                    List.of("image", Format.loss(r.imageNll())));
            String html = "<div class=\"tessera-unified-report\" style=\"font-family:sans-serif\"><div style=\"font-size:15px;"
                    + "font-weight:600;margin-bottom:4px\">" + r.scenes() + " held-out scenes</div><div style=\"" + ROW + "\">"
                    + Html.table("tessera-metrics", List.of("captions", "right"), captions)
                    + Html.table("tessera-metrics", List.of("answers", "right"), answers)
                    + Html.table("tessera-metrics", List.of("held-out NLL", "nats per id"), nll)
                    + (r.generation() == null ? "" : generation(r.generation())) + "</div></div>";
            return Html.bundle(html, r.toString());
        }
    }

    static final class Generation implements Renderer<GenerationReport> {
        @Override
        public Class<GenerationReport> type() {
            return GenerationReport.class;
        }

        @Override
        public Map<String, String> render(GenerationReport g) {
            return Html.bundle("<div class=\"tessera-generation-report\" style=\"font-family:sans-serif;" + ROW + "\">"
                    + generation(g) + "</div>", g.toString());
        }
    }

    /**
     * Text-to-image judged GenEval-style: one row per prompt category (judged right with its
     * standard error, the judge's ceiling on real and on tokenized scenes of the same prompts,
     * how often it passes real near misses, diversity), the overall mean over categories, then the run's settings and, folded away,
     * every prompt's share.
     */
    static String generation(GenerationReport g) {
        List<List<String>> categories = new ArrayList<>();
        for (CategoryScore c : g.categories()) {
            categories.add(List.of(Html.escape(c.category().words()), Html.percentCell(c.accuracy(), Palette.SCORE),
                    Double.isNaN(c.standardError()) ? "" : Format.of("± %.1f", 100 * c.standardError()),
                    Html.percentCell(c.judgeOnReal(), Palette.TOTAL), Html.percentCell(c.judgeOnTokenized(), Palette.TOTAL),
                    Format.of("%.1f%%", 100 * c.judgeFalsePass()),
                    Double.isNaN(c.diversity()) ? "–" : Format.of("%.2f", c.diversity())));
        }
        categories.add(List.of("<b>overall</b> (mean of categories)", Html.percentCell(g.overall(), Palette.SCORE), "",
                Html.percentCell(g.judgeOnReal(), Palette.TOTAL), Html.percentCell(g.judgeOnTokenized(), Palette.TOTAL),
                Format.of("%.1f%%", 100 * g.judgeFalsePass()), ""));
        List<List<String>> settings = List.of(
                List.of("images", g.images() + " (" + g.categories().size() + " categories)"),
                List.of("judge", Html.escape(g.judge())),
                List.of("guidance (cfg)", Format.of("%.1f", g.cfgScale())),
                List.of("time per image", Format.of("%.0f ms", g.millisPerImage())));
        List<List<String>> prompts = new ArrayList<>();
        new TreeMap<>(g.byPrompt()).forEach((p, v) -> prompts.add(row(Html.escape(p), v, Palette.SCORE)));
        return Html.table("tessera-metrics", List.of("text-to-image category", "judged right", "", "ceiling: real",
                        "ceiling: tokenized", "judge passes near misses", "diversity"), categories)
                + Html.table("tessera-metrics", List.of("text-to-image", ""), settings)
                + (prompts.isEmpty() ? "" : "<details><summary>every prompt (" + prompts.size() + ")</summary>"
                + Html.table("tessera-metrics", List.of("prompt", "judged right"), prompts) + "</details>");
    }

    private static List<String> row(String name, double share, String colour) {
        return List.of(name, Html.percentCell(share, colour));
    }
}
