package dev.tessera.render;

import dev.tessera.engine.eval.CodebookReport;
import dev.tessera.engine.eval.ReconstructionReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.awt.Color;
import java.awt.Point;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;

import static dev.tessera.render.Fixtures.png;
import static dev.tessera.render.Fixtures.rgb;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CodebookRendererTest {

    @ParameterizedTest
    @CsvSource({"16, 4, 32", "256, 16, 32", "1000, 32, 20", "4096, 64, 10"})
    void tilesShrinkForLargeCodebooks(int codes, int columns, int tile) {
        assertThat(AtlasPicture.columns(codes)).isEqualTo(columns);
        assertThat(AtlasPicture.tile(codes)).isEqualTo(tile);
    }

    @Test
    void anFsqCodeIsTheMixedRadixNumberOfItsDigits() {
        AtlasPicture.FsqLayout grid = new AtlasPicture.FsqLayout(List.of(8, 6, 5));
        assertThat(grid.digits(0)).containsExactly(0, 0, 0);
        assertThat(grid.digits(13)).containsExactly(5, 1, 0);       // 13 = 5 + 8 * 1
        assertThat(grid.digits(239)).containsExactly(7, 5, 4);      // the last code
        assertThat(grid.digits(48 + 8 + 3)).containsExactly(3, 1, 1);
        assertThat(grid.blocks()).isEqualTo(5);
        assertThat(grid.label(2)).isEqualTo("3rd = 2");
        assertThat(new AtlasPicture.FsqLayout(List.of(8, 5, 5, 5)).label(7)).isEqualTo("3rd = 2, 4th = 1");
    }

    @Test
    void anFsqAtlasIsLaidOutAsItsGrid() {
        CodebookReport flat = Fixtures.codebook(240, 1);
        CodebookReport report = new CodebookReport("fsq-test", "FSQ 8x6x5", flat.atlas(),
                Fixtures.report(1, 240, new int[] {256, 256}), List.of(8, 6, 5));
        AtlasPicture.FsqLayout grid = new AtlasPicture.FsqLayout(report.gridLevels());
        BufferedImage pic = AtlasPicture.draw(report);
        assertThat(pic.getWidth()).isEqualTo(grid.width());
        assertThat(pic.getHeight()).isEqualTo(grid.height());
        int tile = grid.tile();
        // neighbours in the picture differ in one digit: code 9 is right of code 8's block row start plus one, below code 1
        assertThat(grid.origin(9).x - grid.origin(8).x).isEqualTo(grid.pitch());
        assertThat(grid.origin(9).y - grid.origin(1).y).isEqualTo(grid.pitch());
        // block 1 (3rd number = 1) starts right of block 0, level with it
        assertThat(grid.origin(48).y).isEqualTo(grid.origin(0).y);
        assertThat(grid.origin(48).x).isEqualTo(grid.origin(7).x + tile + AtlasPicture.BLOCK_GAP);
        for (int i : new int[] {1, 13, 59, 239}) {
            Point p = grid.origin(i);
            assertThat(pic.getRGB(p.x + tile / 2, p.y + tile / 2) & 0xFFFFFF).as("code %d", i)
                    .isEqualTo(Palette.code(i).getRGB() & 0xFFFFFF);
        }
        assertThatThrownBy(() -> new CodebookReport("fsq", "FSQ", List.of(), Fixtures.report(1, 240, new int[] {1}),
                List.of(8, 6, 4))).hasMessageContaining("do not multiply to the codebook size 240");
    }

    @Test
    void theAtlasShowsEachCodeInItsTileAndFadesDeadCodes() {
        CodebookReport report = Fixtures.codebook(256, 1);
        BufferedImage pic = png(Renderers.mimeBundle(report));
        int tile = AtlasPicture.tile(256);
        Point last = AtlasPicture.tileOrigin(256, 255);
        assertThat(pic.getWidth()).isGreaterThanOrEqualTo(last.x + tile + Draw.GAP);
        assertThat(pic.getHeight()).isEqualTo(last.y + tile + Draw.GAP);
        for (int i : new int[] {1, 17, 200, 255}) {
            Point p = AtlasPicture.tileOrigin(256, i);
            assertThat(pic.getRGB(p.x + tile / 2, p.y + tile / 2) & 0xFFFFFF).as("code %d", i)
                    .isEqualTo(Palette.code(i).getRGB() & 0xFFFFFF);
        }
        // code 0 is never used in the fixture: white at 170/255 over its colour
        Point p = AtlasPicture.tileOrigin(256, 0);
        Color seen = new Color(pic.getRGB(p.x + tile / 2, p.y + tile / 2));
        Color code = Palette.code(0);
        double a = AtlasPicture.DEAD_FADE / 255.0;
        assertThat(seen.getRed()).isCloseTo((int) Math.round(255 * a + code.getRed() * (1 - a)), within(2));
        assertThat(seen.getBlue()).isCloseTo((int) Math.round(255 * a + code.getBlue() * (1 - a)), within(2));
        assertThat(new Color(pic.getRGB(p.x, p.y + tile / 2))).isEqualTo(AtlasPicture.DEAD);
    }

    @Test
    void theUsageChartIsSelfContainedSvgWithOneLinePerLevelOnALogAxis() throws Exception {
        ReconstructionReport h = Fixtures.report(3, 16, new int[] {256});
        String svg = CodebookRenderer.usageChart(h);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        for (int l = 0; l < 3; l++) {
            assertThat(svg).as("the line of level %d", l + 1).contains(rgb(Palette.level(l)));
        }
        assertThat(svg).doesNotContain("<script").doesNotContain("href=\"http").contains("level 3")
                .contains("held-out images").contains("log scale").contains("codes ranked by use");
    }

    @Test
    void deadCodesAreCountedInTheSubtitleNotDrawnOnTheLogAxis() {
        ReconstructionReport h = new ReconstructionReport(24.25, 0.004, 0.8125, 64.0, new int[] {16, 16},
                new long[][] {{5, 5, 5, 5}, {10, 0, 0, 0}});
        assertThat(CodebookRenderer.usageChart(h)).contains("codes never chosen per level: 0, 3");
    }

    @Test
    void theTableGivesUtilizationAndPerplexityPerLevel() {
        ReconstructionReport h = new ReconstructionReport(24.25, 0.004, 0.8125, 64.0, new int[] {16, 16},
                new long[][] {{5, 5, 5, 5}, {10, 0, 0, 0}});
        String html = CodebookRenderer.table(new CodebookReport("rvq", "RVQ 2x4", List.of(), h));
        assertThat(html).contains("4 of 4 (utilization 100.0%), perplexity 4.0")
                .contains("1 of 4 (utilization 25.0%), perplexity 1.0")
                .contains(">37.5%<").contains(">24.25 dB<").contains(">0.813<").contains(">4 codes per level<");
    }

    @Test
    void theBundleHasTheAtlasAndTheChartInline() {
        Map<String, String> b = Renderers.mimeBundle(Fixtures.codebook(64, 2));
        assertThat(b.keySet()).containsExactly("text/html", "image/png", "text/plain");
        assertThat(b.get("text/html")).contains("<img src=\"data:image/png;base64," + b.get("image/png"))
                .contains("<svg").contains("</svg>");
        assertThat(b.get("text/plain")).isEqualTo("vq-test: 64 codes x 2 levels; level 1 63 used (98.4%), perplexity "
                + String.format("%.1f", Fixtures.report(2, 64, new int[] {1}).perplexity(0))
                + ", level 2 64 used (100.0%), perplexity "
                + String.format("%.1f", Fixtures.report(2, 64, new int[] {1}).perplexity(1))
                + "; PSNR 27.50 dB, SSIM 0.900 on 3 held-out images");
    }

    @Test
    void anEmptyAtlasStillDraws() {
        CodebookReport report = new CodebookReport("vq", "VQ", List.of(), Fixtures.report(1, 8, new int[] {4}));
        assertThat(png(Renderers.mimeBundle(report)).getWidth()).isPositive();
    }
}
