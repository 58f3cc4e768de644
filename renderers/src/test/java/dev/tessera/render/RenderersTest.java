package dev.tessera.render;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RenderersTest {

    @Test
    void everyResultTypeIsClaimedAndDrawnRichestFirst() {
        for (Object result : List.of(Fixtures.knownGrid(), Fixtures.residual(2),
                Fixtures.result(Fixtures.scene(), Fixtures.quadrants(), Fixtures.scene(), List.of()),
                Fixtures.codebook(16, 1), Fixtures.comparison())) {
            assertThat(Renderers.supports(result)).isTrue();
            Map<String, String> b = Renderers.mimeBundle(result);
            assertThat(b.keySet()).as(result.getClass().getSimpleName()).containsExactly("text/html", "image/png", "text/plain");
            assertThat(b.get("text/html")).contains("data:image/png;base64,");
            assertThat(b.get("text/plain")).doesNotContain("\n");
        }
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
        assertThat(Palette.level(0)).isNotEqualTo(Palette.level(1)).matches("#[0-9a-f]{6}");
    }
}
