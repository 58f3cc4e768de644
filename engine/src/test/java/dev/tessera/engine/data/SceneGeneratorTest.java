package dev.tessera.engine.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SceneGeneratorTest {

    @Test
    void theSameSeedAndIndexGiveTheSameScene() {
        Scene a = new SceneGenerator(SceneConfig.scenes64(42)).scene(17);
        Scene b = new SceneGenerator(SceneConfig.scenes64(42)).scene(17);
        assertThat(a.image()).isEqualTo(b.image());
        assertThat(a.objects()).isEqualTo(b.objects());
        assertThat(a.caption()).isEqualTo(b.caption());
    }

    @Test
    void differentSeedsGiveDifferentScenes() {
        Scene a = new SceneGenerator(SceneConfig.scenes64(1)).scene(0);
        Scene b = new SceneGenerator(SceneConfig.scenes64(2)).scene(0);
        assertThat(a.image()).isNotEqualTo(b.image());
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 32, 64})
    void objectsStayInsideTheImageAndNeverOverlap(int size) {
        SceneGenerator g = new SceneGenerator(SceneConfig.scenes64(5).withSize(size));
        for (Scene s : g.scenes(0, 200)) {
            assertThat(s.count()).isBetween(1, 4);
            assertThat(s.image().width()).isEqualTo(size);
            List<SceneObject> o = s.objects();
            for (int i = 0; i < o.size(); i++) {
                SceneObject a = o.get(i);
                assertThat(a.x() - a.radius()).isGreaterThanOrEqualTo(0);
                assertThat(a.x() + a.radius()).isLessThanOrEqualTo(size);
                assertThat(a.position()).isEqualTo(Position.of(a.x(), a.y(), size));
                for (int j = i + 1; j < o.size(); j++) {
                    SceneObject b = o.get(j);
                    assertThat(Math.hypot(a.x() - b.x(), a.y() - b.y())).isGreaterThan(a.radius() + b.radius());
                }
            }
        }
    }

    @Test
    void theObjectColourIsPaintedAtItsCentre() {
        Scene s = new SceneGenerator(SceneConfig.scenes64(9)).scene(3);
        for (SceneObject o : s.objects()) {
            int rgb = o.colour().rgb();
            int x = (int) o.x();
            int y = (int) o.y();
            assertThat(Math.round(s.image().at(0, x, y) * 255)).isEqualTo((rgb >> 16) & 0xFF);
            assertThat(Math.round(s.image().at(1, x, y) * 255)).isEqualTo((rgb >> 8) & 0xFF);
            assertThat(Math.round(s.image().at(2, x, y) * 255)).isEqualTo(rgb & 0xFF);
        }
    }

    @Test
    void captionsCountGroupsOfTheSameColourAndShape() {
        SceneObject red = new SceneObject(ShapeKind.CIRCLE, SceneColour.RED, true, 10, 10, 5, Position.TOP_LEFT);
        SceneObject blue = new SceneObject(ShapeKind.SQUARE, SceneColour.BLUE, false, 50, 50, 5, Position.BOTTOM_RIGHT);
        Scene s = new Scene(0, new SceneGenerator(SceneConfig.scenes64(1)).scene(0).image(), List.of(red, red, blue));
        assertThat(s.caption()).isEqualTo("two red circles and a blue square");
        SceneObject orange = new SceneObject(ShapeKind.TRIANGLE, SceneColour.ORANGE, false, 30, 30, 5, Position.CENTER);
        Scene t = new Scene(0, s.image(), List.of(orange, blue, red, red));
        assertThat(t.caption()).isEqualTo("an orange triangle, a blue square and two red circles");
    }

    @Test
    void sceneWithObjectsHoldsExactlyThatMany() {
        SceneGenerator g = new SceneGenerator(SceneConfig.scenes64(3));
        for (int n = 1; n <= 4; n++) {
            assertThat(g.sceneWithObjects(7, n).count()).isEqualTo(n);
        }
    }

    @Test
    void badConfigsAreRejectedWithTheValidValues() {
        assertThatThrownBy(() -> new SceneConfig(48, 1, 4, 0)).hasMessageContaining("16, 32 or 64");
        assertThatThrownBy(() -> new SceneConfig(64, 3, 2, 0)).hasMessageContaining("1 <= min <= max <= 4");
    }

    @Test
    void aLayoutWithNoRoomLeftStartsOverInsteadOfLoopingForever() {
        // regression: 16px scene 599 of seed 1 (four objects) placed large objects first and then
        // tried forever to fit the last one; the tiny judge's training stream hung there
        Scene s = new SceneGenerator(new SceneConfig(16, 1, 4, 1)).scene(599);
        assertThat(s.count()).isEqualTo(4);
        List<SceneObject> o = s.objects();
        for (int i = 0; i < o.size(); i++) {
            for (int j = i + 1; j < o.size(); j++) {
                SceneObject a = o.get(i);
                SceneObject b = o.get(j);
                assertThat(Math.hypot(a.x() - b.x(), a.y() - b.y()) - a.radius() - b.radius()).isGreaterThanOrEqualTo(2);
            }
        }
    }
}
