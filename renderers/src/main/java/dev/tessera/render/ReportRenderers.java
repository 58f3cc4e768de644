package dev.tessera.render;

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

    /** Text-to-image as judged: the overall share with the judge's own bounds, then one row per prompt. */
    static String generation(GenerationReport g) {
        List<List<String>> rows = List.of(
                row("<b>judged correct</b>", g.judgedCorrect(), Palette.SCORE),
                row("judge on real scenes", g.judgeOnReal(), Palette.TOTAL),
                row("judge on tokenized scenes", g.judgeOnTokenized(), Palette.TOTAL),
                List.of("images", g.images() + " for " + g.prompts() + " prompts"),
                List.of("guidance (cfg)", Format.of("%.1f", g.cfgScale())),
                List.of("time per image", Format.of("%.0f ms", g.millisPerImage())));
        List<List<String>> prompts = new ArrayList<>();
        new TreeMap<>(g.byPrompt()).forEach((p, v) -> prompts.add(row(Html.escape(p), v, Palette.SCORE)));
        return Html.table("tessera-metrics", List.of("text-to-image", ""), rows)
                + (prompts.isEmpty() ? "" : Html.table("tessera-metrics", List.of("prompt", "judged correct"), prompts));
    }

    private static List<String> row(String name, double share, String colour) {
        return List.of(name, Html.percentCell(share, colour));
    }
}
