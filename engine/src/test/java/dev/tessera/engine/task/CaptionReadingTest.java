package dev.tessera.engine.task;

import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneColour;
import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.data.ShapeKind;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CaptionReadingTest {

    @Test
    void readsTheCaptionGrammar() {
        CaptionReading r = CaptionReading.parse("two red circles, a blue square and a red triangle").orElseThrow();
        assertThat(r.objects()).isEqualTo(4);
        assertThat(r.colours()).isEqualTo(Map.of(SceneColour.RED, 3, SceneColour.BLUE, 1));
        assertThat(r.shapes()).isEqualTo(Map.of(ShapeKind.CIRCLE, 2, ShapeKind.SQUARE, 1, ShapeKind.TRIANGLE, 1));
    }

    @Test
    void rejectsWhatIsNotACaption() {
        assertThat(CaptionReading.parse("")).isEmpty();
        assertThat(CaptionReading.parse("a red")).isEmpty();
        assertThat(CaptionReading.parse("a pink circle")).isEmpty();
        assertThat(CaptionReading.parse("two red circle")).isEmpty();
        assertThat(CaptionReading.parse("a red circles")).isEmpty();
    }

    @Test
    void everySceneCaptionReadsBackToItsLabels() {
        SceneGenerator g = new SceneGenerator(SceneConfig.scenes32(5));
        for (int i = 0; i < 500; i++) {
            Scene s = g.scene(i);
            assertThat(CaptionReading.parse(s.caption())).contains(CaptionReading.of(s));
        }
    }
}
