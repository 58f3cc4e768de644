package dev.tessera.render;

import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.tokenize.TokenGrid;
import dev.tessera.engine.tokenize.TokenizeResult;
import dev.tessera.magic.HelpText;
import dev.tessera.magic.MagicError;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;

class RenderersTest {

    /** A 64x64 grey image and a 16x16 grid whose id at (r, c) is r*16+c. */
    static TokenizeResult known() {
        float[] px = new float[3 * 64 * 64];
        java.util.Arrays.fill(px, 0.5f);
        RgbImage img = new RgbImage(64, 64, px);
        int[] ids = new int[256];
        for (int i = 0; i < 256; i++) {
            ids[i] = i;
        }
        return new TokenizeResult("sample:0", "vq-test", img, new TokenGrid(16, 16, ids, 256), img, 31.5);
    }

    @Test
    void aTokenizeResultBecomesAPngOfTheDocumentedSize() throws Exception {
        Map<String, String> bundle = Renderers.mimeBundle(known());
        assertThat(bundle).containsKeys("image/png", "text/html", "text/plain");
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(bundle.get("image/png"))));
        assertThat(png.getWidth()).isEqualTo(TokenGridPicture.width());
        assertThat(png.getHeight()).isEqualTo(TokenGridPicture.height());
    }

    @Test
    void eachGridCellIsPaintedInItsCodesColour() {
        BufferedImage pic = TokenGridPicture.draw(known());
        int x0 = 2 * 16 + TokenGridPicture.PANEL;
        int y0 = 16 + 28;
        int cell = TokenGridPicture.PANEL / 16;
        for (int id : new int[] {0, 17, 100, 255}) {
            int r = id / 16;
            int c = id % 16;
            // a point near the cell's top-left corner: inside the cell, clear of the grid line and the label
            int rgb = pic.getRGB(x0 + c * cell + 3, y0 + r * cell + 3) & 0xFFFFFF;
            assertThat(rgb).as("code %d", id).isEqualTo(Palette.code(id).getRGB() & 0xFFFFFF);
        }
    }

    @Test
    void theInputPanelShowsTheImagePixels() {
        BufferedImage pic = TokenGridPicture.draw(known());
        assertThat(new Color(pic.getRGB(16 + 100, 16 + 28 + 100))).isEqualTo(new Color(128, 128, 128));
    }

    @Test
    void theHtmlCarriesTheNumbers() {
        String html = Renderers.mimeBundle(known()).get("text/html");
        assertThat(html).contains("<img src=\"data:image/png;base64,").contains("256 of 256").contains("31.50 dB")
                .contains("2048");
    }

    @Test
    void errorsAreEscapedParagraphsWithTheUsage() {
        Map<String, String> b = Renderers.mimeBundle(new MagicError("bad <path>", "Usage: %tessera tokenize"));
        assertThat(b.get("text/html")).contains("bad &lt;path&gt;").contains("Usage: %tessera tokenize")
                .doesNotContain("Exception");
        assertThat(b.get("text/plain")).startsWith("Tessera: bad <path>");
    }

    @Test
    void helpIsPreformatted() {
        assertThat(Renderers.mimeBundle(new HelpText("a\nb")).get("text/html")).isEqualTo("<pre class=\"tessera-help\">a\nb</pre>");
    }

    @Test
    void otherObjectsAreNotClaimed() {
        assertThat(Renderers.supports("a string")).isFalse();
        assertThat(Renderers.supports(null)).isFalse();
        assertThat(Renderers.mimeBundle(42)).isNull();
    }

    @Test
    void paletteTextIsReadable() {
        assertThat(Palette.textOn(Color.WHITE)).isEqualTo(Color.BLACK);
        assertThat(Palette.textOn(Color.BLACK)).isEqualTo(Color.WHITE);
        assertThat(Palette.code(1)).isNotEqualTo(Palette.code(2));
    }
}
