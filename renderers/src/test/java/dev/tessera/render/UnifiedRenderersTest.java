package dev.tessera.render;

import dev.tessera.engine.image.Images;
import dev.tessera.engine.unified.Caption;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.Map;

import static dev.tessera.render.Fixtures.count;
import static dev.tessera.render.Fixtures.png;
import static dev.tessera.render.UnifiedFixtures.pngs;
import static org.assertj.core.api.Assertions.assertThat;

class UnifiedRenderersTest {

    @Test
    void aCaptionShowsTheImageTheCaptionAndTheStrip() {
        Map<String, String> b = Renderers.mimeBundle(UnifiedFixtures.caption());
        assertThat(b.keySet()).containsExactly("text/html", "text/plain");
        String html = b.get("text/html");
        assertThat(html).contains("class=\"tessera-caption-text\"").contains(">a red circle</div>");
        assertThat(count(html, "class=\"tessera-sequence\"")).isEqualTo(1);
        assertThat(count(html, "<img")).as("the image, and again in the strip's image span").isEqualTo(2);
        assertThat(b.get("text/plain")).isEqualTo("caption: a red circle | <caption><boi>[image 8x8]<eoi>a red circle<eos>");
    }

    @Test
    void theInputIsEnlargedByAWholeFactorWithSquarePixels() {
        BufferedImage big = png(pngs(Renderers.mimeBundle(UnifiedFixtures.caption()).get("text/html")).get(0));
        assertThat(big.getWidth()).isEqualTo(160);
        assertThat(big.getHeight()).isEqualTo(160);
        int red = Images.toBuffered(UnifiedFixtures.red()).getRGB(0, 0);
        assertThat(big.getRGB(0, 0)).isEqualTo(red);
        assertThat(big.getRGB(159, 159)).isEqualTo(red);
        assertThat(Draw.crispScale(Fixtures.uniform(48, 48, 0, 0, 0), 160)).isEqualTo(3);
        assertThat(Draw.crispScale(Fixtures.uniform(320, 320, 0, 0, 0), 160)).isEqualTo(0.5);
    }

    @Test
    void anAnswerShowsQuestionAndAnswer() {
        Map<String, String> b = Renderers.mimeBundle(UnifiedFixtures.answer("what colour is the circle?"));
        assertThat(b.get("text/html")).contains("Q:</span> what colour is the circle?")
                .contains("A:</span> red</div>").contains("&lt;ask&gt;").contains("&lt;answer&gt;");
        assertThat(b.get("text/plain")).startsWith("Q: what colour is the circle? A: red | <ask><boi>");
    }

    @Test
    void userTextIsEscaped() {
        String html = Renderers.mimeBundle(UnifiedFixtures.answer("<script>alert(1)</script>")).get("text/html");
        assertThat(html).doesNotContain("<script").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void anEmptyCaptionIsMarked() {
        Caption c = new Caption(UnifiedFixtures.red(), "", UnifiedFixtures.captionSequence());
        assertThat(Renderers.mimeBundle(c).get("text/html")).contains("(nothing)");
    }

    @Test
    void theCardPutsTheImageBeforeTheStrip() {
        String html = UnifiedRenderers.card("x", UnifiedFixtures.red(), "<b>h</b>", UnifiedFixtures.captionSequence());
        assertThat(html.indexOf("<img")).isLessThan(html.indexOf("<b>h</b>"));
        assertThat(html.indexOf("<b>h</b>")).isLessThan(html.indexOf("tessera-sequence"));
        assertThat(pngs(html)).hasSize(2);
    }

    /** On an image unlike the model's training data the notice replaces the reply; the model's words stay, marked. */
    @Test
    void anUnfamiliarImageGetsTheNoticeInsteadOfTheCaption() {
        dev.tessera.engine.tokenize.Familiarity outside = new dev.tessera.engine.tokenize.Familiarity(11.2, 21.0,
                "synthetic scenes", "photo-64");
        Caption c = new Caption(UnifiedFixtures.red(), "threethree squares", UnifiedFixtures.captionSequence(), outside);
        java.util.Map<String, String> bundle = Renderers.mimeBundle(c);
        assertThat(bundle.get("text/plain")).startsWith("caption: " + outside.modelNotice())
                .contains(" | the model's sequence anyway, not to be trusted: <caption>");
        assertThat(bundle.get("text/html")).contains("tessera-warning").contains("not to be trusted")
                .doesNotContain("tessera-caption-text");
        dev.tessera.engine.unified.Answer a = new dev.tessera.engine.unified.Answer(UnifiedFixtures.red(), "what colour?",
                "red", UnifiedFixtures.captionSequence(), outside);
        assertThat(Renderers.mimeBundle(a).get("text/plain")).contains("A: " + outside.modelNotice())
                .contains("not to be trusted: <");
        assertThat(Renderers.mimeBundle(UnifiedFixtures.answer("what colour?")).get("text/html")).doesNotContain("tessera-warning");
    }
}
