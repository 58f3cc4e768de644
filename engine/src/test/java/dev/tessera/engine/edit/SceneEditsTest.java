package dev.tessera.engine.edit;

import dev.tessera.engine.data.Position;
import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneColour;
import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.data.SceneObject;
import dev.tessera.engine.data.ShapeKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SceneEditsTest {

    private static final SceneGenerator SCENES = new SceneGenerator(new SceneConfig(32, 1, 4, SceneConfig.HELD_OUT_SEED));

    @Test
    void aSceneDrawnFromItsOwnObjectsIsTheSamePicture() {
        for (Scene s : SCENES.scenes(0, 50)) {
            Scene again = SCENES.drawn(s.index(), s.objects());
            assertThat(again.image()).isEqualTo(s.image());
            assertThat(again.objects()).isEqualTo(s.objects());
        }
    }

    @Test
    void everyEditChangesExactlyWhatItsInstructionSays() {
        SplittableRandom rng = new SplittableRandom(5);
        Map<EditKind, Integer> made = new EnumMap<>(EditKind.class);
        for (Scene s : SCENES.scenes(0, 300)) {
            for (EditKind kind : EditKind.values()) {
                Optional<SceneEdit> e = SceneEdits.draw(s, kind, SCENES, rng);
                if (e.isEmpty()) {
                    continue;
                }
                made.merge(kind, 1, Integer::sum);
                SceneEdit edit = e.get();
                List<SceneObject> before = s.objects();
                List<SceneObject> after = edit.after().objects();
                switch (kind) {
                    case RECOLOUR -> {
                        assertThat(after).hasSameSizeAs(before);
                        List<SceneObject> changed = new ArrayList<>(after);
                        changed.removeAll(before);
                        assertThat(changed).as(edit.toString()).hasSize(1);
                        SceneObject o = changed.get(0);
                        assertThat(edit.instruction()).startsWith("make the ").endsWith(" " + o.colour().word())
                                .contains(o.shape().word());
                        // the same place, the same size: only the colour moved
                        assertThat(before).anySatisfy(b -> {
                            assertThat(b.x()).isEqualTo(o.x());
                            assertThat(b.radius()).isEqualTo(o.radius());
                            assertThat(b.colour()).isNotEqualTo(o.colour());
                        });
                    }
                    case REMOVE -> {
                        assertThat(after).hasSize(before.size() - 1);
                        assertThat(before).containsAll(after);
                        assertThat(edit.instruction()).startsWith("remove the ");
                    }
                    case ADD -> {
                        assertThat(after).hasSize(before.size() + 1).containsAll(before);
                        List<SceneObject> added = new ArrayList<>(after);
                        added.removeAll(before);
                        SceneObject o = added.get(0);
                        assertThat(edit.instruction()).isEqualTo("add " + Scene.withArticle(o.colour().word() + " "
                                + o.shape().word()) + " at the " + o.position().words());
                        assertThat(Position.of(o.x(), o.y(), 32)).isEqualTo(o.position());
                    }
                }
                assertThat(edit.after().image()).isEqualTo(SCENES.drawn(s.index(), after).image());
            }
        }
        // most scenes allow every kind: no kind is starved
        assertThat(made.get(EditKind.RECOLOUR)).isGreaterThan(250);
        assertThat(made.get(EditKind.REMOVE)).isGreaterThan(150);
        assertThat(made.get(EditKind.ADD)).isGreaterThan(150);
    }

    @Test
    void onlyObjectsThatOneNameFitsAreNamed() {
        SceneObject redA = new SceneObject(ShapeKind.CIRCLE, SceneColour.RED, false, 6, 6, 3.2, Position.TOP_LEFT);
        SceneObject redB = new SceneObject(ShapeKind.CIRCLE, SceneColour.RED, false, 26, 6, 3.2, Position.TOP_RIGHT);
        SceneObject blue = new SceneObject(ShapeKind.CIRCLE, SceneColour.BLUE, false, 6, 26, 3.2, Position.BOTTOM_LEFT);
        SceneObject square = new SceneObject(ShapeKind.SQUARE, SceneColour.RED, false, 26, 26, 3.2, Position.BOTTOM_RIGHT);
        List<SceneObject> objects = List.of(redA, redB, blue, square);
        assertThat(SceneEdits.name(objects, 0)).isNull();
        assertThat(SceneEdits.name(objects, 2)).isEqualTo("the blue circle");
        assertThat(SceneEdits.name(objects, 3)).isEqualTo("the square");
        assertThat(SceneEdits.nameable(objects)).containsExactly(2, 3);
    }

    @Test
    void aLoneObjectCannotBeRemovedAndAFullSceneTakesNoMore() {
        Scene one = new SceneGenerator(new SceneConfig(32, 1, 1, 3)).scene(0);
        assertThat(SceneEdits.draw(one, EditKind.REMOVE, SCENES, new SplittableRandom(1))).isEmpty();
        Scene four = new SceneGenerator(new SceneConfig(32, 4, 4, 3)).scene(0);
        assertThat(SceneEdits.draw(four, EditKind.ADD, SCENES, new SplittableRandom(1))).isEmpty();
    }

    @Test
    void objectsThatDoNotFitAreRefused() {
        SceneObject a = new SceneObject(ShapeKind.CIRCLE, SceneColour.RED, false, 10, 10, 4, Position.TOP_LEFT);
        SceneObject b = new SceneObject(ShapeKind.SQUARE, SceneColour.RED, false, 14, 10, 4, Position.TOP);
        assertThatThrownBy(() -> SCENES.drawn(0, List.of(a, b))).hasMessageContaining("overlaps an earlier one");
        SceneObject out = new SceneObject(ShapeKind.SQUARE, SceneColour.RED, false, 31, 10, 4, Position.RIGHT);
        assertThatThrownBy(() -> SCENES.drawn(0, List.of(out))).hasMessageContaining("does not fit a 32px scene");
    }
}
