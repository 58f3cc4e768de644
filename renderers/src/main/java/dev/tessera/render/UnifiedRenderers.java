package dev.tessera.render;

import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.unified.Answer;
import dev.tessera.engine.unified.Caption;
import dev.tessera.engine.vocab.MixedSequence;

import java.util.List;
import java.util.Map;

/**
 * What the unified model wrote about an image, as one card: the image enlarged with square
 * pixels on the left; on the right the caption (or question and answer) in large type above
 * the {@link SequenceRenderer strip} of the whole sequence, whose image span shows that image.
 */
final class UnifiedRenderers {

    /** Side the input image is enlarged to (a whole factor: 32 px -> 160 px). */
    static final int PICTURE = 160;
    private static final String LABEL = "font-size:12px;color:#6e6e6e;letter-spacing:.04em";
    private static final String LARGE = "font-size:24px;font-weight:600;line-height:1.3;margin:2px 0 12px";

    private UnifiedRenderers() {
    }

    static final class Captions implements Renderer<Caption> {
        @Override
        public Class<Caption> type() {
            return Caption.class;
        }

        @Override
        public Map<String, String> render(Caption c) {
            String headline = "<div style=\"" + LABEL + "\">CAPTION</div>" + (c.familiarity().outside()
                    ? unfamiliar(c.familiarity(), c.text())
                    : "<div class=\"tessera-caption-text\" style=\"" + LARGE + "\">" + said(c.text()) + "</div>");
            return Html.bundle(card("tessera-caption", c.image(), headline, c.sequence()),
                    "caption: " + c.reply() + " | " + (c.familiarity().outside() ? UNTRUSTED : "") + c.sequence());
        }
    }

    static final class Answers implements Renderer<Answer> {
        @Override
        public Class<Answer> type() {
            return Answer.class;
        }

        @Override
        public Map<String, String> render(Answer a) {
            String headline = "<div style=\"font-size:17px;margin:2px 0\"><span style=\"color:#6e6e6e;font-weight:600\">Q:"
                    + "</span> " + said(a.question()) + "</div>" + (a.familiarity().outside() ? unfamiliar(a.familiarity(), a.text())
                    : "<div class=\"tessera-answer-text\" style=\"" + LARGE + "\"><span style=\"color:#6e6e6e\">A:</span> "
                    + said(a.text()) + "</div>");
            return Html.bundle(card("tessera-answer", a.image(), headline, a.sequence()),
                    "Q: " + a.question() + " A: " + a.reply() + " | " + (a.familiarity().outside() ? UNTRUSTED : "") + a.sequence());
        }
    }

    /** What the plain text says before the sequence of an image unlike the model's training data. */
    static final String UNTRUSTED = "the model's sequence anyway, not to be trusted: ";

    /** For an image unlike the model's training data: the notice in place of the reply, the model's words small below. */
    static String unfamiliar(dev.tessera.engine.tokenize.Familiarity f, String words) {
        return "<div class=\"tessera-warning\" style=\"font-size:16px;font-weight:600;color:#aa1e14;margin:2px 0 6px\">"
                + Html.escape(f.modelNotice()) + "</div><div style=\"" + LABEL + ";margin-bottom:12px\">the model's words anyway, "
                + "not to be trusted: " + said(words) + "</div>";
    }

    /** The image enlarged on the left, {@code headline} (HTML) above the strip on the right. */
    static String card(String cssClass, RgbImage image, String headline, MixedSequence sequence) {
        return "<div class=\"" + cssClass + "\" style=\"display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start;"
                + "font-family:sans-serif\">"
                + picture(image, PICTURE, "input image") + "<div style=\"flex:1;min-width:260px\">" + headline
                + SequenceRenderer.strip(sequence, List.of(image)) + "</div></div>";
    }

    /** {@code image} enlarged to {@code side} px with square pixels, framed, its alt text {@code what} and its size. */
    static String picture(RgbImage image, int side, String what) {
        return Html.crispImg(Png.base64(Draw.crisp(image, side)), what + " " + image.width() + "x" + image.height(),
                "border:1px solid #d7d7d7");
    }

    /** Text the model or the user wrote, escaped; an empty one marked as such. */
    static String said(String text) {
        return text == null || text.isBlank() ? "<span style=\"color:#9a9a9a;font-weight:400\">(nothing)</span>"
                : Html.escape(text);
    }
}
