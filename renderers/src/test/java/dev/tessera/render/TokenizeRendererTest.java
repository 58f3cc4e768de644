package dev.tessera.render;

import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.tokenize.TokenGrid;
import dev.tessera.engine.tokenize.TokenSet;
import dev.tessera.engine.tokenize.TokenizeResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

import static dev.tessera.render.Fixtures.png;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TokenizeRendererTest {

    private static final int TOP = Draw.GAP + Draw.TITLE;

    @Test
    void aGridResultBecomesAPngOfTheDocumentedSize() {
        BufferedImage pic = png(Renderers.mimeBundle(Fixtures.knownGrid()));
        assertThat(pic.getWidth()).isEqualTo(TokenGridPicture.width()).isEqualTo(3 * 384 + 4 * 16);
        assertThat(pic.getHeight()).isEqualTo(TokenGridPicture.height()).isEqualTo(384 + 28 + 2 * 16 + TokenGridPicture.LEGEND);
    }

    @Test
    void eachGridCellIsPaintedInItsCodesColour() {
        BufferedImage pic = TokenGridPicture.draw(Fixtures.knownGrid());
        int x0 = 2 * 16 + TokenGridPicture.PANEL;
        int cell = TokenGridPicture.PANEL / 16;
        for (int id : new int[] {0, 17, 100, 255}) {
            // near the cell's top-left corner: inside the cell, clear of the grid line and the label
            int rgb = pic.getRGB(x0 + (id % 16) * cell + 3, TOP + (id / 16) * cell + 3) & 0xFFFFFF;
            assertThat(rgb).as("code %d", id).isEqualTo(Palette.code(id).getRGB() & 0xFFFFFF);
        }
    }

    @Test
    void theLegendRanksIdsByUseAndShowsTheMostUsedIdsSwatch() {
        // 4x4 grid: id 9 twelve times, id 3 three times, id 40 once
        int[] ids = {9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 3, 3, 3, 40};
        TokenGrid t = new TokenGrid(4, 4, ids, 64);
        assertThat(TokenGridPicture.ranked(t)).extracting(e -> e[0] + "x" + e[1]).containsExactly("9x12", "3x3", "40x1");

        RgbImage img = Fixtures.uniform(64, 64, 0.5f, 0.5f, 0.5f);
        BufferedImage pic = TokenGridPicture.draw(new TokenizeResult("sample:0", "vq-test", "VQ 64, 4x4 grid", img, t, img,
                List.of(), 30, 0.9));
        int x0 = 2 * 16 + TokenGridPicture.PANEL;
        int legendTop = TOP + TokenGridPicture.PANEL;
        java.util.Set<Integer> legendColours = new java.util.HashSet<>();
        for (int y = legendTop; y < legendTop + TokenGridPicture.LEGEND; y++) {
            for (int x = x0; x < x0 + TokenGridPicture.PANEL; x++) {
                legendColours.add(pic.getRGB(x, y) & 0xFFFFFF);
            }
        }
        for (int id : new int[] {9, 3, 40}) {
            assertThat(legendColours).as("swatch of id %d", id).contains(Palette.code(id).getRGB() & 0xFFFFFF);
        }
    }

    @Test
    void theInputPanelShowsTheImagePixels() {
        BufferedImage pic = TokenGridPicture.draw(Fixtures.knownGrid());
        assertThat(new Color(pic.getRGB(16 + 100, TOP + 100))).isEqualTo(new Color(128, 128, 128));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4, 8})
    void aResidualGridAddsOneRefinementPanelPerLevel(int depth) {
        TokenizeResult r = Fixtures.residual(depth);
        BufferedImage pic = png(Renderers.mimeBundle(r));
        int side = TokenGridPicture.stripPanel(depth);
        assertThat(pic.getHeight()).isEqualTo(TokenGridPicture.height() + 2 * (Draw.TITLE + side + Draw.GAP));
        for (int l = 0; l < depth; l++) {
            Rectangle p = TokenGridPicture.stripPanel(depth, l);
            int grey = Math.round(Math.min(1f, 0.5f + 0.1f * (l + 1)) * 255);
            assertThat(new Color(pic.getRGB(p.x + p.width / 2, p.y + p.height / 2))).as("panel %d", l)
                    .isEqualTo(new Color(grey, grey, grey));
            // the input is grey 0.5, so the error of level l is min(0.5, 0.1 (l + 1)), amplified 8 times
            Rectangle e = TokenGridPicture.errorPanel(depth, l);
            float error = Math.min(1f, 0.5f + 0.1f * (l + 1)) - 0.5f;
            int errorGrey = Math.round(Math.min(1f, error * TokenGridPicture.ERROR_GAIN) * 255);
            assertThat(new Color(pic.getRGB(e.x + e.width / 2, e.y + e.height / 2))).as("error map %d", l)
                    .isEqualTo(new Color(errorGrey, errorGrey, errorGrey));
        }
        Rectangle last = TokenGridPicture.stripPanel(depth, depth - 1);
        assertThat(pic.getRGB(last.x + last.width + Draw.GAP / 2, last.y + last.height / 2) & 0xFFFFFF)
                .as("nothing after the last level").isEqualTo(0xFFFFFF);
    }

    @Test
    void theStripIsTitledByLevelsWithPsnrAgainstTheInput() {
        // input grey 0.5, refinements 0.6 and 0.7: MSE 0.01 and 0.04, so 20.0 dB then 14.0 dB
        assertThat(TokenGridPicture.stripTitles(Fixtures.residual(2)))
                .containsExactly("level 1: 20.0 dB", "levels 1..2: 14.0 dB (-6.0)");
    }

    @Test
    void anErrorMapIsBlackWhereTheDecodeIsExactAndAmplifiesTheDifference() {
        RgbImage input = new RgbImage(1, 1, new float[] {0.5f, 0.2f, 0.9f});
        RgbImage decoded = new RgbImage(1, 1, new float[] {0.5f, 0.25f, 0.7f});
        RgbImage map = TokenGridPicture.errorMap(input, decoded);
        assertThat(map.at(0, 0, 0)).isZero();
        assertThat(map.at(1, 0, 0)).isCloseTo(0.4f, within(1e-5f));
        assertThat(map.at(2, 0, 0)).as("clipped at white").isEqualTo(1f);
    }

    @Test
    void theTokenPanelOfAResidualGridShowsLevelOne() {
        TokenizeResult r = Fixtures.residual(3);
        TokenGrid t = (TokenGrid) r.tokens();
        BufferedImage pic = TokenGridPicture.draw(r);
        int cell = TokenGridPicture.PANEL / 8;
        int x0 = 2 * 16 + TokenGridPicture.PANEL;
        for (int[] rc : new int[][] {{0, 0}, {3, 5}, {7, 7}}) {
            assertThat(pic.getRGB(x0 + rc[1] * cell + 3, TOP + rc[0] * cell + 3) & 0xFFFFFF)
                    .isEqualTo(Palette.code(t.at(rc[0], rc[1], 0)).getRGB() & 0xFFFFFF);
        }
    }

    @Test
    void aSingleLevelGridHasNoStrip() {
        assertThat(TokenGridPicture.strip(Fixtures.knownGrid())).isEmpty();
        assertThat(TokenGridPicture.height(Fixtures.knownGrid())).isEqualTo(TokenGridPicture.height());
    }

    /** The quadrant token set over a uniform (0.2, 0.4, 0.6) image: 4x4 patches of 96 px in the panel. */
    private static TokenizeResult quadrants() {
        return Fixtures.result(Fixtures.uniform(64, 64, 0.2f, 0.4f, 0.6f), Fixtures.quadrants(),
                Fixtures.uniform(64, 64, 0.25f, 0.4f, 0.6f), List.of());
    }

    @Test
    void aClusterOverlayTintsEachPatchWithItsTokensCodeColour() {
        BufferedImage pic = png(Renderers.mimeBundle(quadrants()));
        assertThat(pic.getWidth()).isEqualTo(TokenGridPicture.width());
        assertThat(pic.getHeight()).isEqualTo(TokenGridPicture.height());
        TokenSet t = Fixtures.quadrants();
        double a = ClusterPicture.TINT_ALPHA / 255.0;
        Color input = new Color(51, 102, 153);
        // patch centres that carry no marker: (row 0, col 1) token 0, (1, 3) token 1, (3, 0) token 2, (2, 3) token 3
        int[][] patches = {{0, 1}, {1, 3}, {3, 0}, {3, 3}};
        for (int[] rc : patches) {
            int token = t.assignment()[rc[0] * 4 + rc[1]];
            Color code = Palette.code(t.ids()[token]);
            Color seen = new Color(pic.getRGB(ClusterPicture.overlayX() + rc[1] * 96 + 48, ClusterPicture.panelTop() + rc[0] * 96 + 48));
            assertThat(seen.getRed()).as("patch %d,%d", rc[0], rc[1]).isCloseTo((int) Math.round(code.getRed() * a + input.getRed() * (1 - a)), within(2));
            assertThat(seen.getGreen()).isCloseTo((int) Math.round(code.getGreen() * a + input.getGreen() * (1 - a)), within(2));
            assertThat(seen.getBlue()).isCloseTo((int) Math.round(code.getBlue() * a + input.getBlue() * (1 - a)), within(2));
        }
    }

    @Test
    void aTokenHoldingHalfThePatchesIsTheBackgroundAndStaysUntinted() {
        // token 0: the top three rows (12 of 16 patches), token 1: the bottom row
        int[] assignment = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1};
        TokenSet set = new TokenSet(4, new int[] {7, 9}, new int[] {0, 13}, assignment, 16);
        assertThat(ClusterPicture.background(set)).isZero();
        assertThat(ClusterPicture.background(Fixtures.quadrants())).as("four equal clusters: no background").isEqualTo(-1);
        BufferedImage pic = ClusterPicture.draw(Fixtures.result(Fixtures.uniform(64, 64, 0.2f, 0.4f, 0.6f), set,
                Fixtures.uniform(64, 64, 0.2f, 0.4f, 0.6f), List.of()));
        // patch (1, 2) of the background shows the input as it is; patch (3, 2) of token 1 is tinted
        assertThat(new Color(pic.getRGB(ClusterPicture.overlayX() + 2 * 96 + 48, ClusterPicture.panelTop() + 96 + 48)))
                .isEqualTo(new Color(51, 102, 153));
        assertThat(new Color(pic.getRGB(ClusterPicture.overlayX() + 2 * 96 + 48, ClusterPicture.panelTop() + 3 * 96 + 48)))
                .isNotEqualTo(new Color(51, 102, 153));
    }

    @Test
    void clusterBoundariesAreDrawnOnlyBetweenDifferentTokens() {
        BufferedImage pic = ClusterPicture.draw(quadrants());
        int x0 = ClusterPicture.overlayX();
        int y = ClusterPicture.panelTop() + 3 * 96 + 20;
        // between columns 1 and 2 the token changes (2 -> 3); between columns 0 and 1 it does not
        assertThat(pic.getRGB(x0 + 192, y) & 0xFFFFFF).isEqualTo(ClusterPicture.BOUNDARY.getRGB() & 0xFFFFFF);
        assertThat(pic.getRGB(x0 + 96, y) & 0xFFFFFF).isNotEqualTo(ClusterPicture.BOUNDARY.getRGB() & 0xFFFFFF);
    }

    @Test
    void eachTokenCentreCarriesAMarker() {
        BufferedImage pic = ClusterPicture.draw(quadrants());
        for (int centre : Fixtures.quadrants().centres()) {
            int cx = ClusterPicture.overlayX() + (centre % 4) * 96 + 48;
            int cy = ClusterPicture.panelTop() + (centre / 4) * 96 + 48;
            // inside the white disc, left of the index written at its middle
            assertThat(pic.getRGB(cx - 8, cy) & 0xFFFFFF).as("centre %d", centre).isEqualTo(0xFFFFFF);
        }
        assertThat(pic.getRGB(ClusterPicture.overlayX() + 96 + 48 - 8, ClusterPicture.panelTop() + 48) & 0xFFFFFF)
                .as("no marker off centre").isNotEqualTo(0xFFFFFF);
    }

    @Test
    void theHtmlCarriesTheNumbers() {
        String html = Renderers.mimeBundle(Fixtures.knownGrid()).get("text/html");
        assertThat(html).startsWith("<div class=\"tessera-tokenize\"><img src=\"data:image/png;base64,")
                .contains("256 of 256").contains("31.50 dB").contains("0.912").contains("VQ 256, 16x16 grid")
                .contains(">2048<").contains(">levels</th><td style=\"text-align:left;padding:2px 8px\">1<");
    }

    @Test
    void theHtmlOfAResidualGridCountsLevelsAndBitsOfAllLevels() {
        String html = Renderers.mimeBundle(Fixtures.residual(4)).get("text/html");
        // 8x8 positions x 4 levels x log2(32) = 1280 bits
        assertThat(html).contains("64 (8&times;8, 4 codes each)").contains(">4<").contains(">1280<");
    }

    @Test
    void theHtmlOfATokenSetDescribesTheClusters() {
        Map<String, String> b = Renderers.mimeBundle(quadrants());
        // 4 tokens x (log2(128) bits of code + log2(16) bits of centre) = 44 bits
        assertThat(b.get("text/html")).contains("4 clusters of 4&times;4 patches (4..4 patches each)").contains("4 of 128")
                .contains("bits per image (codes and centres)").contains(">44<");
        assertThat(b.get("text/plain")).startsWith("sample:0 -> 4 tokens (4 unique of 128 codes)");
    }

    @Test
    void summariesAreOneLine() {
        assertThat(Renderers.mimeBundle(Fixtures.knownGrid()).get("text/plain"))
                .isEqualTo("sample:0 -> 16x16 tokens (256 unique of 256 codes), PSNR 31.50 dB, SSIM 0.912 [vq-test]");
        assertThat(Renderers.mimeBundle(Fixtures.residual(4)).get("text/plain")).contains("8x8x4 tokens").doesNotContain("\n");
    }

    /** An image outside the tokenizer's training data is flagged in the text, the HTML and a band under the picture. */
    @Test
    void anUnfamiliarImageCarriesTheNoticeEverywhereAndAFamiliarOneDoesNot() {
        TokenizeResult familiar = Fixtures.knownGrid();
        TokenizeResult flagged = new TokenizeResult(familiar.source(), familiar.tokenizer(), familiar.description(),
                familiar.input(), familiar.tokens(), familiar.reconstruction(), List.of(), 9.4, 0.3,
                new dev.tessera.engine.tokenize.Familiarity(9.4, 24.0, "synthetic scenes", "photo-64"));
        assertThat(flagged.familiarity().outside()).isTrue();
        assertThat(familiar.familiarity().outside()).isFalse();
        Map<String, String> f = new TokenizeRenderer().render(flagged);
        assertThat(f.get("text/plain")).contains("outside what the tokenizer learned (synthetic scenes)")
                .contains("--tokenizer photo-64");
        assertThat(f.get("text/html")).contains("tessera-warning").contains("photo-64");
        assertThat(new TokenizeRenderer().render(familiar).get("text/html")).doesNotContain("tessera-warning");
        BufferedImage plain = png(new TokenizeRenderer().render(familiar).get("image/png"));
        BufferedImage warned = png(f.get("image/png"));
        assertThat(warned.getHeight()).isEqualTo(plain.getHeight() + Draw.NOTICE);
        // the band holds red text, the familiar picture has none there
        boolean red = false;
        for (int y = plain.getHeight(); y < warned.getHeight(); y++) {
            for (int x = 0; x < warned.getWidth(); x++) {
                Color c = new Color(warned.getRGB(x, y));
                red |= c.getRed() > 120 && c.getGreen() < 90 && c.getBlue() < 90;
            }
        }
        assertThat(red).isTrue();
    }
}
