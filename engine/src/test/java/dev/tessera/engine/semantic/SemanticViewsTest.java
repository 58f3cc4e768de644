package dev.tessera.engine.semantic;

import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.data.SceneObject;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SemanticViewsTest {

    private final SceneGenerator generator = new SceneGenerator(SceneConfig.scenes32(3));

    @Test
    void aViewKeepsEveryObjectsShapeColourAndSizeClassAndMovesItLittle() {
        SemanticViews views = SemanticViews.standard();
        int moved = 0;
        for (long i = 0; i < 40; i++) {
            Scene scene = generator.scene(i);
            Scene view = views.moved(generator, scene, new SplittableRandom(i));
            assertThat(view.objects()).hasSameSizeAs(scene.objects());
            for (SceneObject o : scene.objects()) {
                SceneObject v = view.objects().stream()
                        .filter(c -> Math.abs(c.x() - o.x()) <= 1.0 && Math.abs(c.y() - o.y()) <= 1.0)
                        .findFirst().orElseThrow(() -> new AssertionError("no view object within 1 px of " + o));
                assertThat(v.shape()).isEqualTo(o.shape());
                assertThat(v.colour()).isEqualTo(o.colour());
                assertThat(v.large()).isEqualTo(o.large());
                assertThat(v.radius() / o.radius()).isBetween(0.95, 1.05);
                if (v.x() != o.x()) {
                    moved++;
                }
            }
        }
        assertThat(moved).as("objects actually move").isGreaterThan(40);
    }

    @Test
    void viewsAreDrawnFromTheirRandomStreamAloneAndNoneIsTheSceneItself() {
        Scene scene = generator.scene(7);
        SemanticViews views = SemanticViews.standard();
        assertThat(views.view(generator, scene, new SplittableRandom(5)))
                .isEqualTo(views.view(generator, scene, new SplittableRandom(5)));
        assertThat(views.view(generator, scene, new SplittableRandom(5)))
                .isNotEqualTo(views.view(generator, scene, new SplittableRandom(6)));
        assertThat(SemanticViews.none().view(generator, scene, new SplittableRandom(5))).isEqualTo(scene.image());
    }

    @Test
    void limitsOutsideTheirRangesAreRefused() {
        assertThatThrownBy(() -> new SemanticViews(3, 0, 0)).hasMessageContaining("maxShift in 0..2");
        assertThatThrownBy(() -> new SemanticViews(1, 0.5, 0)).hasMessageContaining("radiusJitter in 0..0.2");
        assertThatThrownBy(() -> new SemanticViews(1, 0, 1.5)).hasMessageContaining("degraded in [0, 1]");
    }

    @Test
    void aReshapedViewChangesOneObjectsShapeAndNothingElse() {
        SemanticViews still = new SemanticViews(0, 0, 0);
        for (long i = 0; i < 20; i++) {
            Scene scene = generator.scene(i);
            dev.tessera.engine.image.RgbImage image = still.reshaped(generator, scene, new SplittableRandom(i));
            int changed = 0;
            for (SceneObject o : scene.objects()) {
                java.util.List<SceneObject> others = new java.util.ArrayList<>(scene.objects());
                others.remove(o);
                for (dev.tessera.engine.data.ShapeKind k : dev.tessera.engine.data.ShapeKind.values()) {
                    if (k == o.shape()) {
                        continue;
                    }
                    others.add(new SceneObject(k, o.colour(), o.large(), o.x(), o.y(), o.radius(), o.position()));
                    if (generator.drawn(scene.index(), others).image().equals(image)) {
                        changed++;
                    }
                    others.remove(others.size() - 1);
                }
            }
            assertThat(changed).as("scene %d: exactly one object redrawn with another shape", i).isEqualTo(1);
        }
    }
}
