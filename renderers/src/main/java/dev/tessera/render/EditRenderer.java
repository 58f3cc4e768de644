package dev.tessera.render;

import dev.tessera.engine.lm.SamplingConfig;
import dev.tessera.engine.tokenize.TokenGrid;
import dev.tessera.engine.unified.Edit;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

/**
 * An image the model edited, as one card: the instruction as the title; the picture before and
 * after, enlarged with square pixels; the after picture again with every grid position whose ids
 * the model rewrote outlined (how local the edit was); the settings; and the
 * {@link SequenceRenderer strip} of the whole edit sequence, both image spans showing their pictures.
 */
public final class EditRenderer implements Renderer<Edit> {

    private static final String NOTE = "font-size:12px;color:#6e6e6e";
    private static final Color REWRITTEN = new Color(230, 40, 30);

    @Override
    public Class<Edit> type() {
        return Edit.class;
    }

    @Override
    public Map<String, String> render(Edit e) {
        int side = UnifiedRenderers.PICTURE;
        StringBuilder html = new StringBuilder("<div class=\"tessera-edit\" style=\"font-family:sans-serif\">")
                .append("<div class=\"tessera-instruction\" style=\"font-size:22px;font-weight:600\">&ldquo;")
                .append(Html.escape(e.instruction())).append("&rdquo;</div><div style=\"").append(NOTE)
                .append(";margin:2px 0 8px\">").append(Html.escape(settings(e))).append("</div>")
                .append("<div style=\"display:flex;gap:16px;flex-wrap:wrap\">")
                .append(panel("before", UnifiedRenderers.picture(e.before(), side, "before")))
                .append(panel("after", UnifiedRenderers.picture(e.after(), side, "after")))
                .append(panel("positions rewritten", Html.crispImg(Png.base64(rewritten(e, side)),
                        e.changedPositions() + " rewritten positions", "border:1px solid #d7d7d7")))
                .append("</div><div style=\"").append(NOTE).append(";margin-top:8px\">the sequence</div>")
                .append(SequenceRenderer.strip(e.sequence(), List.of(e.before(), e.after()))).append("</div>");
        return Html.bundle(html.toString(), "edit \"" + e.instruction() + "\": " + settings(e));
    }

    private static String panel(String title, String img) {
        return "<div><div style=\"" + NOTE + ";margin-bottom:2px\">" + title + "</div>" + img + "</div>";
    }

    /** The after picture enlarged, every rewritten grid position outlined. */
    static BufferedImage rewritten(Edit e, int side) {
        BufferedImage out = Draw.crisp(e.after(), side);
        TokenGrid a = e.beforeGrid();
        TokenGrid b = e.afterGrid();
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(REWRITTEN);
            g.setStroke(new BasicStroke(2f));
            int w = out.getWidth();
            int h = out.getHeight();
            for (int r = 0; r < a.rows(); r++) {
                for (int c = 0; c < a.cols(); c++) {
                    if (differs(a, b, r, c)) {
                        int x0 = Draw.edge(0, w, a.cols(), c);
                        int y0 = Draw.edge(0, h, a.rows(), r);
                        g.drawRect(x0 + 1, y0 + 1, Draw.edge(0, w, a.cols(), c + 1) - x0 - 2,
                                Draw.edge(0, h, a.rows(), r + 1) - y0 - 2);
                    }
                }
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    private static boolean differs(TokenGrid a, TokenGrid b, int r, int c) {
        for (int l = 0; l < a.depth(); l++) {
            if (a.at(r, c, l) != b.at(r, c, l)) {
                return true;
            }
        }
        return false;
    }

    /** Sampling, positions rewritten and time on one line. */
    static String settings(Edit e) {
        SamplingConfig s = e.sampling();
        return Format.of("%s · %d of %d positions rewritten · %.0f ms", s.greedyChoice() ? "greedy"
                : Format.of("temperature %.2f · top-k %d · seed %d", s.temperature(), s.topK(), s.seed()),
                e.changedPositions(), e.beforeGrid().size(), e.millis());
    }
}
