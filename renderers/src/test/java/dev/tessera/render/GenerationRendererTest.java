package dev.tessera.render;

import dev.tessera.engine.tokenize.TokenGrid;
import dev.tessera.engine.unified.Generation;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Map;

import static dev.tessera.render.Fixtures.count;
import static dev.tessera.render.Fixtures.png;
import static org.assertj.core.api.Assertions.assertThat;

class GenerationRendererTest {

    @Test
    void thePromptIsTheTitleAboveTheSamplingSettings() {
        Map<String, String> b = Renderers.mimeBundle(UnifiedFixtures.generation("a red circle", 3));
        assertThat(b.keySet()).containsExactly("text/html", "image/png", "text/plain");
        assertThat(b.get("text/html")).contains("&ldquo;a red circle&rdquo;")
                .contains("3 images · temperature 0.80 · top-k 32 · top-p 1.00 · cfg 2.0 · seed 7 · 42 ms/image");
        assertThat(b.get("text/plain")).isEqualTo(
                "\"a red circle\": 3 images · temperature 0.80 · top-k 32 · top-p 1.00 · cfg 2.0 · seed 7 · 42 ms/image");
    }

    @Test
    void aPromptWithMarkupIsEscaped() {
        String html = Renderers.mimeBundle(UnifiedFixtures.generation("<script>alert(1)</script>", 2)).get("text/html");
        assertThat(html).doesNotContain("<script").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void theFirstSequenceIsShownAndTheOthersFolded() {
        String html = Renderers.mimeBundle(UnifiedFixtures.generation("a red circle", 3)).get("text/html");
        assertThat(count(html, "class=\"tessera-sequence\"")).isEqualTo(3);
        assertThat(html.indexOf("<details>")).isGreaterThan(html.indexOf("class=\"tessera-sequence\""));
        assertThat(count(html, "<img")).as("the picture, and one image span a sequence").isEqualTo(1 + 3);
        assertThat(Renderers.mimeBundle(UnifiedFixtures.generation("a red circle", 1)).get("text/html"))
                .doesNotContain("<details>");
    }

    @Test
    void thePictureShowsEveryImageEnlargedAndTheFirstGridBeneath() {
        Generation g = UnifiedFixtures.generation("a red circle", 10);
        BufferedImage pic = png(Renderers.mimeBundle(g));
        assertThat(GenerationPicture.panel(g)).isEqualTo(128);
        assertThat(pic.getWidth()).isEqualTo(Draw.rowWidth(8, 128));
        assertThat(pic.getHeight()).isEqualTo(GenerationPicture.tokensTop(g) + GenerationPicture.TOKENS + TokenGridPicture.LEGEND + Draw.GAP);
        for (int k = 0; k < 10; k++) {
            int x = Draw.GAP + (k % 8) * (128 + Draw.GAP) + 64;
            int y = GenerationPicture.rowTop(g, k / 8) + 64;
            int grey = Math.round((0.1f + 0.08f * k) * 255);
            assertThat(new Color(pic.getRGB(x, y))).as("image %d", k).isEqualTo(new Color(grey, grey, grey));
        }
        TokenGrid t = g.grids().get(0);
        int cell = GenerationPicture.TOKENS / 8;
        for (int i : new int[] {0, 9, 63}) {
            int x = Draw.GAP + (i % 8) * cell + 3;
            int y = GenerationPicture.tokensTop(g) + (i / 8) * cell + 3;
            assertThat(pic.getRGB(x, y) & 0xFFFFFF).as("id %d", i).isEqualTo(Palette.code(t.at(i / 8, i % 8)).getRGB() & 0xFFFFFF);
        }
    }
}
