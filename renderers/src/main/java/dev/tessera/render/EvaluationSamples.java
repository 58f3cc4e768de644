package dev.tessera.render;

import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.unified.ModelEvaluation;
import dev.tessera.engine.unified.TaskAccuracy;

import java.util.ArrayList;
import java.util.List;

/**
 * What one model of an evaluation board wrote and drew, as small cards: each held-out image
 * enlarged beside the caption or answer (marked right or wrong, with the expected text when
 * wrong), each drawn image beside its prompt and the judge's verdict, and a registered task's
 * first answers as a table. Shows what a score means before it is trusted.
 */
final class EvaluationSamples {

    /** Side the 32 px images are enlarged to (3x). */
    static final int PICTURE = 96;
    private static final String WRONG = "#c44e52";
    private static final String MUTED = "color:#6e6e6e";
    private static final String ROW = "display:flex;flex-wrap:wrap;gap:12px;margin:4px 0 10px";

    private EvaluationSamples() {
    }

    /** Every sample of {@code m}, a row of cards per kind; empty when it kept none. */
    static String of(ModelEvaluation m) {
        StringBuilder sb = new StringBuilder();
        if (!m.captions().isEmpty()) {
            List<String> cards = new ArrayList<>();
            m.captions().forEach(c -> cards.add(card(c.caption().image(), "held-out scene",
                    "<div class=\"tessera-sample-caption\">" + mark(c.exact()) + " "
                            + UnifiedRenderers.said(c.caption().text()) + "</div>"
                            + (c.exact() ? "" : expected(c.expected())))));
            sb.append(section("captions", cards));
        }
        if (!m.answers().isEmpty()) {
            List<String> cards = new ArrayList<>();
            m.answers().forEach(a -> cards.add(card(a.answer().image(), "held-out scene",
                    "<div style=\"" + MUTED + "\">Q: " + Html.escape(a.answer().question()) + "</div>"
                            + "<div class=\"tessera-sample-answer\">" + mark(a.correct()) + " A: "
                            + UnifiedRenderers.said(a.answer().text()) + "</div>"
                            + (a.correct() ? "" : expected(a.expected())))));
            sb.append(section("answers", cards));
        }
        if (!m.generated().isEmpty()) {
            List<String> cards = new ArrayList<>();
            m.generated().forEach(g -> cards.add(card(g.image(), "drawn image",
                    "<div>&ldquo;" + Html.escape(g.prompt()) + "&rdquo;</div><div class=\"tessera-sample-verdict\">"
                            + mark(g.judgedCorrect()) + " judge: " + (g.judgedCorrect() ? "right" : "wrong") + "</div>"
                            + "<div style=\"" + MUTED + "\">judge saw: " + Html.escape(g.judgeSaw()) + "</div>")));
            sb.append(section("text-to-image (one image per prompt category)", cards));
        }
        for (TaskAccuracy t : m.tasks()) {
            sb.append(task(t));
        }
        return sb.toString();
    }

    /** A registered task's first answers: scene, expected, written, right or wrong. */
    static String task(TaskAccuracy t) {
        List<List<String>> rows = new ArrayList<>();
        for (TaskAccuracy.Sample s : t.samples()) {
            rows.add(List.of("#" + s.scene(), Html.escape(s.expected()), mark(s.correct()) + " "
                    + UnifiedRenderers.said(s.written())));
        }
        return "<div style=\"" + MUTED + "\">task " + Html.escape(t.task()) + String.format(java.util.Locale.ROOT,
                ": %.1f%% exact, %.1f%% of the target's ids right", 100 * t.accuracy(), 100 * t.idAccuracy()) + "</div>"
                + Html.table("tessera-task-samples", List.of("held-out scene", "expected", "written"), rows);
    }

    /** ✓ in the score colour or ✗ in red. */
    static String mark(boolean right) {
        return right ? "<span style=\"color:" + Palette.SCORE + "\">&#10003;</span>"
                : "<span style=\"color:" + WRONG + "\">&#10007;</span>";
    }

    private static String expected(String text) {
        return "<div style=\"" + MUTED + "\">expected: " + Html.escape(text) + "</div>";
    }

    private static String card(RgbImage image, String what, String text) {
        return "<div class=\"tessera-sample\" style=\"display:flex;gap:8px;align-items:flex-start;width:300px\">"
                + UnifiedRenderers.picture(image, PICTURE, what) + "<div style=\"font-size:13px\">" + text + "</div></div>";
    }

    private static String section(String title, List<String> cards) {
        return "<div style=\"" + MUTED + "\">" + title + "</div><div style=\"" + ROW + "\">" + String.join("", cards)
                + "</div>";
    }
}
