package dev.tessera.render;

import dev.tessera.engine.image.Images;
import dev.tessera.engine.tokenize.TokenGrid;
import dev.tessera.engine.tokenize.TokenSet;
import dev.tessera.engine.vocab.MixedSequence;
import dev.tessera.engine.vocab.Segment;
import dev.tessera.engine.vocab.SpecialToken;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

import static dev.tessera.render.Fixtures.count;
import static dev.tessera.render.Fixtures.png;
import static dev.tessera.render.UnifiedFixtures.pngs;
import static dev.tessera.render.UnifiedFixtures.special;
import static dev.tessera.render.UnifiedFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

class SequenceRendererTest {

    @Test
    void theStripHasOneChipPerControlTokenAndOneImagePerImageSpan() {
        String strip = SequenceRenderer.strip(UnifiedFixtures.captionSequence(), List.of(UnifiedFixtures.red()));
        assertThat(count(strip, "class=\"tessera-special\"")).isEqualTo(4);
        assertThat(count(strip, "class=\"tessera-text\"")).isEqualTo(1);
        assertThat(count(strip, "class=\"tessera-image-span\"")).isEqualTo(1);
        assertThat(count(strip, "<img")).isEqualTo(1);
        assertThat(strip).contains("&lt;caption&gt;", "&lt;boi&gt;", "&lt;eoi&gt;", "&lt;eos&gt;", ">a red circle<")
                .doesNotContain("<caption>", "<boi>");
    }

    @Test
    void theLegendCountsTheIdsOfEachKind() {
        String strip = SequenceRenderer.strip(UnifiedFixtures.captionSequence(), List.of());
        assertThat(strip.replaceAll("<[^>]+>", "").replace("&#9632;&nbsp;", ""))
                .contains("one sequence of 71 ids: 4 control, 3 text, 64 image");
    }

    @Test
    void anImageSpanShowsItsImageEnlargedWithSquarePixels() {
        String strip = SequenceRenderer.strip(UnifiedFixtures.captionSequence(), List.of(UnifiedFixtures.red()));
        BufferedImage thumb = png(pngs(strip).get(0));
        int red = Images.toBuffered(UnifiedFixtures.red()).getRGB(0, 0);
        assertThat(thumb.getWidth()).isEqualTo(SequenceRenderer.THUMB);
        assertThat(thumb.getHeight()).isEqualTo(SequenceRenderer.THUMB);
        assertThat(thumb.getRGB(0, 0)).isEqualTo(red);
        assertThat(thumb.getRGB(63, 63)).isEqualTo(red);
    }

    @Test
    void spansBeyondTheGivenImagesShowTheirIdsAsAMosaic() {
        TokenGrid second = UnifiedFixtures.grid(5);
        MixedSequence s = new MixedSequence(List.of(special(SpecialToken.BOI), new Segment.Image(UnifiedFixtures.grid(0), true),
                special(SpecialToken.EOI), special(SpecialToken.BOI), new Segment.Image(second, true),
                special(SpecialToken.EOI)));
        List<String> images = pngs(SequenceRenderer.strip(s, List.of(UnifiedFixtures.red())));
        assertThat(images).hasSize(2);
        assertMosaic(png(images.get(1)), second);
    }

    @Test
    void aBareSequenceIsDrawnWithTheMosaicOfItsIds() {
        Map<String, String> b = Renderers.mimeBundle(UnifiedFixtures.captionSequence());
        assertThat(b.keySet()).containsExactly("text/html", "text/plain");
        assertThat(b.get("text/plain")).isEqualTo("<caption><boi>[image 8x8]<eoi>a red circle<eos>");
        List<String> images = pngs(b.get("text/html"));
        assertThat(images).hasSize(1);
        assertMosaic(png(images.get(0)), UnifiedFixtures.grid(0));
    }

    @Test
    void anIncompleteSpanIsDashedAndSaysSo() {
        MixedSequence s = new MixedSequence(List.of(special(SpecialToken.BOI), new Segment.Image(UnifiedFixtures.grid(0), false)));
        String strip = SequenceRenderer.strip(s, List.of());
        assertThat(strip).contains("dashed " + Palette.WARN).contains("incomplete");
    }

    @Test
    void anIncompleteSpanCountsTheIdsItHeldNotItsPaddedGrid() {
        TokenGrid grid = UnifiedFixtures.grid(0);
        MixedSequence s = new MixedSequence(List.of(special(SpecialToken.BOI), new Segment.Image(grid, false, 5)));
        String strip = SequenceRenderer.strip(s, List.of());
        assertThat(strip).contains("5 of " + grid.ids().length + ", incomplete").contains("held 5 of the " + grid.ids().length)
                .contains("one sequence of 6 ids").contains("5 image");
    }

    @Test
    void textSpansAreEscapedAndCarryTheirIds() {
        String strip = SequenceRenderer.strip(new MixedSequence(List.of(text("<b>\"hi\"</b>", 7, 8))), List.of());
        assertThat(strip).contains("&lt;b&gt;&quot;hi&quot;&lt;/b&gt;").doesNotContain("<b>")
                .contains("title=\"2 text ids: 7 8\"");
    }

    @Test
    void everyControlTokenHasAChipColour() {
        for (SpecialToken t : SpecialToken.values()) {
            assertThat(Palette.special(t)).as(t.name()).matches("#[0-9a-f]{6}");
        }
        assertThat(Palette.special(SpecialToken.BOI)).isEqualTo(Palette.IMAGE);
    }

    /** The centre of every cell of the 64 px mosaic is its code's colour. */
    private static void assertMosaic(BufferedImage mosaic, TokenGrid grid) {
        assertThat(mosaic.getWidth()).isEqualTo(SequenceRenderer.THUMB);
        int cell = SequenceRenderer.THUMB / grid.cols();
        for (int r = 0; r < grid.rows(); r++) {
            for (int c = 0; c < grid.cols(); c++) {
                assertThat(mosaic.getRGB(c * cell + cell / 2, r * cell + cell / 2) & 0xFFFFFF).as("cell %d,%d", r, c)
                        .isEqualTo(Palette.code(grid.at(r, c)).getRGB() & 0xFFFFFF);
            }
        }
    }

    @Test
    void aSeTokSpanShowsItsImageWithTheClustersOverItAndCountsItsCentreIds() {
        // 4x4 patches: token 0 the background (left half and more), token 1 the right column, centres 5 and 11
        int[] assignment = {0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1};
        TokenSet set = new TokenSet(4, new int[] {7, 200}, new int[] {5, 11}, assignment, 256);
        MixedSequence s = new MixedSequence(List.of(special(SpecialToken.BOI), new Segment.Span(set, true, 4),
                special(SpecialToken.EOI), text("a red circle", 1, 2, 3)));
        String strip = SequenceRenderer.strip(s, List.of(UnifiedFixtures.red()));
        assertThat(count(strip, "tessera-setok-span")).isEqualTo(1);
        assertThat(strip).contains("2 tokens &middot; 6 ids").contains("4 ids between &lt;boi&gt; and &lt;eoi&gt;, 6 with them");
        assertThat(strip.replaceAll("<[^>]+>", "").replace("&#9632;&nbsp;", ""))
                .contains("one sequence of 9 ids: 2 control, 3 text, 4 image");
        BufferedImage thumb = png(pngs(strip).get(0));
        assertThat(thumb.getWidth()).isEqualTo(SequenceRenderer.SPAN_THUMB);
        int red = Images.toBuffered(UnifiedFixtures.red()).getRGB(0, 0);
        // the background cluster is left untinted, the right column is tinted: the overlay is drawn
        assertThat(thumb.getRGB(2, 2)).isEqualTo(red);
        assertThat(thumb.getRGB(SequenceRenderer.SPAN_THUMB - 3, 2)).isNotEqualTo(red);
    }

    @Test
    void aSpanWithoutItsImageDrawsItsClustersOnABlankSquareAndABrokenOneIsDashed() {
        int[] assignment = new int[16];
        TokenSet set = new TokenSet(4, new int[] {7}, new int[] {0}, assignment, 256);
        String strip = SequenceRenderer.strip(new MixedSequence(List.of(new Segment.Span(set, false, 3))), List.of());
        assertThat(strip).contains("dashed").contains("1 token &middot; 5 ids, incomplete").contains("blank square");
    }
}
