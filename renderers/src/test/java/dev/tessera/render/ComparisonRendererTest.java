package dev.tessera.render;

import dev.tessera.engine.eval.Comparison;
import dev.tessera.engine.image.Images;
import dev.tessera.engine.image.RgbImage;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

import static dev.tessera.render.Fixtures.count;
import static dev.tessera.render.Fixtures.png;
import static org.assertj.core.api.Assertions.assertThat;

class ComparisonRendererTest {

    @Test
    void theTableHasOneRowPerTokenizerAndADashForUnknownCorrelations() {
        String table = ComparisonRenderer.table(Fixtures.comparison());
        assertThat(count(table, "<tr>")).isEqualTo(1 + 3);
        assertThat(count(table, "<th ")).isEqualTo(ComparisonRenderer.HEADER.size());
        assertThat(count(table, ">" + ComparisonRenderer.UNKNOWN + "<")).isEqualTo(2);
        assertThat(table).contains(">0.81<").contains("<b>rvq-4x256</b>").contains("RVQ 4x256, 16x16");
    }

    @Test
    void tokensShowTheRangeOnlyWhenItVaries() {
        String table = ComparisonRenderer.table(Fixtures.comparison());
        assertThat(table).contains(">256<").contains(">41.0 (31..52)<");
    }

    @Test
    void aResidualStackWritesOneIdPerLevelAtEveryPosition() {
        String table = ComparisonRenderer.table(Fixtures.comparison());
        String rvq = table.substring(table.indexOf("<b>rvq-4x256</b>"), table.indexOf("<b>setok</b>"));
        assertThat(rvq).contains(">256<").contains(">1024<");
        String vq = table.substring(table.indexOf("<b>vq-256</b>"), table.indexOf("<b>rvq-4x256</b>"));
        assertThat(vq).doesNotContain(">1024<");
    }

    @Test
    void thePictureIsTheSampleThenEveryReconstruction() {
        Comparison c = Fixtures.comparison();
        BufferedImage pic = png(Renderers.mimeBundle(c));
        int n = 1 + c.rows().size();
        int side = ComparisonPicture.panel(n);
        assertThat(side).isEqualTo(ComparisonPicture.PANEL);
        assertThat(pic.getWidth()).isEqualTo(Draw.rowWidth(n, side));
        List<RgbImage> shown = List.of(c.sample(), c.sampleReconstructions().get(0), c.sampleReconstructions().get(1),
                c.sampleReconstructions().get(2));
        int scale = side / 64;
        for (int i = 0; i < n; i++) {
            BufferedImage img = Images.toBuffered(shown.get(i));
            for (int[] xy : new int[][] {{2, 2}, {18, 20}, {46, 44}}) {
                assertThat(pic.getRGB(ComparisonPicture.panelX(n, i) + xy[0] * scale + 1,
                        ComparisonPicture.panelTop() + xy[1] * scale + 1)).as("panel %d at %d,%d", i, xy[0], xy[1])
                        .isEqualTo(img.getRGB(xy[0], xy[1]));
            }
        }
    }

    @Test
    void manyTokenizersShrinkThePanels() {
        assertThat(ComparisonPicture.panel(4)).isEqualTo(192);
        assertThat(ComparisonPicture.panel(12)).isLessThan(192);
        assertThat(Draw.rowWidth(12, ComparisonPicture.panel(12))).isLessThanOrEqualTo(ComparisonPicture.MAX_WIDTH);
    }

    @Test
    void theBundleIsHtmlThenPngThenOneLine() {
        Map<String, String> b = Renderers.mimeBundle(Fixtures.comparison());
        assertThat(b.keySet()).containsExactly("text/html", "image/png", "text/plain");
        assertThat(b.get("text/html")).contains("<b>scenes</b>, 3 images").contains("data:image/png;base64,");
        assertThat(b.get("text/plain"))
                .isEqualTo("3 tokenizers on scenes (3 images): vq-256 27.50 dB, rvq-4x256 27.50 dB, setok 27.50 dB");
    }
}
