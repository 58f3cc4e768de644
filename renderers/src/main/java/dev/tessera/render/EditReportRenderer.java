package dev.tessera.render;

import dev.tessera.engine.unified.EditReport;
import dev.tessera.engine.unified.EditScore;

import java.util.ArrayList;
import java.util.List;

/**
 * Judged editing ({@link EditReport}): one row per instruction kind (judged right with its
 * standard error, how often the input came back unchanged, the judge's ceiling on the exact
 * targets, grid positions rewritten against those the exact edit changes), the overall mean,
 * then a few edits as before / after / target with what the judge read.
 */
public final class EditReportRenderer implements Renderer<EditReport> {

    private static final int SIDE = 96;
    private static final String NOTE = "font-size:12px;color:#6e6e6e";

    @Override
    public Class<EditReport> type() {
        return EditReport.class;
    }

    @Override
    public java.util.Map<String, String> render(EditReport r) {
        List<List<String>> rows = new ArrayList<>();
        for (EditScore k : r.kinds()) {
            rows.add(List.of(Html.escape(k.kind().id()), String.valueOf(k.edits()), Html.percentCell(k.accuracy(), Palette.SCORE),
                    Format.of("± %.1f", 100 * k.standardError()) + "<br><span style=\"" + NOTE + "\">"
                            + Html.escape(k.interval().toString()) + "</span>", Format.of("%.1f%%", 100 * k.kept()),
                    Html.percentCell(k.ceiling(), Palette.TOTAL),
                    Format.of("%.1f of %.1f", k.changedPositions(), k.targetPositions())));
        }
        rows.add(List.of("<b>overall</b> (mean of kinds)", "", Html.percentCell(r.overall(), Palette.SCORE), "", "", "", ""));
        StringBuilder html = new StringBuilder("<div class=\"tessera-edit-report\" style=\"font-family:sans-serif\">")
                .append("<div style=\"").append(NOTE).append(";margin-bottom:4px\">")
                .append(Html.escape(r.model())).append(" · held-out scenes · greedy · judged by ").append(Html.escape(r.judge()))
                .append(Format.of(" · %.0f s", r.seconds())).append("</div>")
                .append(Html.table("tessera-metrics", List.of("edit", "edits", "judged right", "", "input kept",
                        "ceiling: exact targets", "positions rewritten (exact edit)"), rows))
                .append("<div style=\"display:flex;flex-wrap:wrap;gap:14px;margin-top:10px\">");
        for (EditReport.Sample s : r.samples()) {
            html.append("<div style=\"max-width:").append(3 * SIDE + 16).append("px\"><div style=\"font-size:13px;font-weight:600\">")
                    .append(Html.escape(s.instruction())).append("</div><div style=\"display:flex;gap:4px\">")
                    .append(UnifiedRenderers.picture(s.before(), SIDE, "before"))
                    .append(UnifiedRenderers.picture(s.after(), SIDE, "after"))
                    .append(UnifiedRenderers.picture(s.target(), SIDE, "target")).append("</div><div style=\"").append(NOTE)
                    .append("\">before · model · target<br>").append(s.right() ? "&#10003; " : "&#10007; ")
                    .append("judge saw: ").append(Html.escape(s.judgeSaw())).append("</div></div>");
        }
        return Html.bundle(html.append("</div></div>").toString(), r.table());
    }
}
