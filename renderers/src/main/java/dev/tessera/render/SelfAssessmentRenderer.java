package dev.tessera.render;

import dev.tessera.engine.unified.SelfAssessmentSummary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A self-assessment pool ({@link SelfAssessmentSummary}): the share of drawings the assessor found
 * aligned per prompt category, its agreement with the examiner, and a few dialogues as the model
 * reads them, the prompt, its drawing and the assessment, with the real picture that follows a
 * misaligned drawing as its correction.
 */
public final class SelfAssessmentRenderer implements Renderer<SelfAssessmentSummary> {

    private static final int SIDE = 96;
    private static final String NOTE = "font-size:12px;color:#6e6e6e";

    @Override
    public Class<SelfAssessmentSummary> type() {
        return SelfAssessmentSummary.class;
    }

    @Override
    public Map<String, String> render(SelfAssessmentSummary s) {
        List<List<String>> rows = new ArrayList<>();
        s.byCategory().forEach((c, v) -> rows.add(List.of(Html.escape(c.words()), Html.percentCell(v, Palette.SCORE))));
        rows.add(List.of("<b>all</b>", Html.percentCell(s.aligned(), Palette.SCORE)));
        StringBuilder html = new StringBuilder("<div class=\"tessera-self-assessment\" style=\"font-family:sans-serif\">")
                .append("<div style=\"").append(NOTE).append(";margin-bottom:4px\">")
                .append(Format.of("%d drawings by ", s.drawings())).append(Html.escape(s.model())).append(" · assessed by ")
                .append(Html.escape(s.assessor())).append("</div>")
                .append(Html.table("tessera-metrics", List.of("prompt category", "aligned"), rows))
                .append("<pre style=\"").append(NOTE).append("\">").append(Html.escape(s.agreement())).append("</pre>")
                .append("<div style=\"display:flex;flex-wrap:wrap;gap:14px;margin-top:6px\">");
        for (SelfAssessmentSummary.Example e : s.examples()) {
            html.append("<div style=\"max-width:").append(2 * SIDE + 12).append("px\"><div style=\"font-size:13px;font-weight:600\">&ldquo;")
                    .append(Html.escape(e.prompt())).append("&rdquo;</div><div style=\"display:flex;gap:4px\">")
                    .append(UnifiedRenderers.picture(e.drawn(), SIDE, "drawn"));
            if (!e.aligned()) {
                html.append(UnifiedRenderers.picture(e.real(), SIDE, "correction"));
            }
            html.append("</div><div style=\"").append(NOTE).append("\">").append(e.aligned() ? "drawn" : "drawn · correction")
                    .append("<br>").append(e.aligned() ? "&#10003; " : "&#10007; ").append(Html.escape(e.rationale()))
                    .append("</div></div>");
        }
        return Html.bundle(html.append("</div></div>").toString(), s.toString());
    }
}
