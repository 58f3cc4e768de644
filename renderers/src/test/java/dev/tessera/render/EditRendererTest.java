package dev.tessera.render;

import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.lm.SamplingConfig;
import dev.tessera.engine.tokenize.TokenGrid;
import dev.tessera.engine.unified.Edit;
import dev.tessera.engine.vocab.MixedSequence;
import dev.tessera.engine.vocab.Segment;
import dev.tessera.engine.vocab.SpecialToken;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

import static dev.tessera.render.Fixtures.count;
import static dev.tessera.render.UnifiedFixtures.special;
import static org.assertj.core.api.Assertions.assertThat;

class EditRendererTest {

    /** A red picture edited into a blue one, grid positions 0 and 9 rewritten. */
    static Edit edit(String instruction) {
        TokenGrid before = UnifiedFixtures.grid(0);
        int[] ids = before.ids().clone();
        ids[0] = (ids[0] + 1) % 256;
        ids[9] = (ids[9] + 1) % 256;
        TokenGrid after = new TokenGrid(8, 8, ids, 256);
        RgbImage blue = Fixtures.uniform(32, 32, 0.1f, 0.1f, 0.9f);
        MixedSequence s = new MixedSequence(List.of(new Segment.TaskTag("<edit>"), UnifiedFixtures.text(instruction, 41, 42),
                special(SpecialToken.BOI), new Segment.Image(before, true), special(SpecialToken.EOI),
                special(SpecialToken.BOI), new Segment.Image(after, true), special(SpecialToken.EOI)));
        return new Edit(UnifiedFixtures.red(), instruction, blue, before, after, s, SamplingConfig.greedy(), 12.3);
    }

    @Test
    void theInstructionIsTheTitleAboveBeforeAfterAndTheRewrittenPositions() {
        Map<String, String> b = Renderers.mimeBundle(edit("make the circle blue"));
        assertThat(b.get("text/html")).contains("&ldquo;make the circle blue&rdquo;", "before", "after",
                "positions rewritten", "greedy · 2 of 64 positions rewritten · 12 ms");
        assertThat(count(b.get("text/html"), "class=\"tessera-sequence\"")).isEqualTo(1);
        assertThat(b.get("text/plain")).isEqualTo("edit \"make the circle blue\": greedy · 2 of 64 positions rewritten · 12 ms");
        assertThat(Renderers.mimeBundle(edit("<b>x</b>")).get("text/html")).doesNotContain("<b>x").contains("&lt;b&gt;x");
    }

    @Test
    void exactlyTheRewrittenPositionsAreOutlined() {
        BufferedImage pic = EditRenderer.rewritten(edit("make the circle blue"), 160);
        int cell = 160 / 8;
        Color outline = new Color(230, 40, 30);
        for (int p = 0; p < 64; p++) {
            int x = (p % 8) * cell + 1;
            int y = (p / 8) * cell + cell / 2;
            boolean outlined = new Color(pic.getRGB(x, y)).equals(outline);
            assertThat(outlined).as("position %d", p).isEqualTo(p == 0 || p == 9);
        }
    }

    @Test
    void aReportIsATableOfKindsWithTheCeilingAndEachSampleBeforeAfterAndTarget() {
        RgbImage red = UnifiedFixtures.red();
        var kinds = List.of(new dev.tessera.engine.unified.EditScore(dev.tessera.engine.edit.EditKind.RECOLOUR, 16, 0.5,
                0.125, 0.2, 0.9375, 12.5, 10.0), new dev.tessera.engine.unified.EditScore(
                dev.tessera.engine.edit.EditKind.REMOVE, 16, 0.25, 0.108, 0.0, 1.0, 20.0, 14.0));
        var samples = List.of(new dev.tessera.engine.unified.EditReport.Sample("remove the <square>", red, red, red,
                "a red circle", "a red circle", true));
        var report = new dev.tessera.engine.unified.EditReport("illume-shapes32", "judge-objects32", kinds, 0.375, samples, 3.2);
        Map<String, String> b = Renderers.mimeBundle(report);
        assertThat(b.get("text/html")).contains("recolour", "remove", "50.0%", "± 12.5", "20.0%", "93.8%", "12.5 of 10.0",
                "overall", "37.5%", "remove the &lt;square&gt;", "judge saw: a red circle",
                "95%: 28.0-72.0%");
        assertThat(count(b.get("text/html"), "<img")).isEqualTo(3);
        assertThat(b.get("text/plain")).contains("recolour", "remove", "overall", "37.5%");
    }
}
