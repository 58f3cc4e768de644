package dev.tessera.engine.judge;

import dev.tessera.engine.data.Position;
import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneColour;
import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.data.SceneObject;
import dev.tessera.engine.data.ShapeKind;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class JudgeVerdictTest {

    @Test
    void theTargetOfEveryHeldOutSceneDecodesBackToItsObjects() {
        // 400 scenes of each size: every object in its own cell, centres back to a thousandth of a pixel
        for (int size : new int[] {16, 32, 64}) {
            SceneGenerator g = new SceneGenerator(new SceneConfig(size, 1, 4, SceneConfig.HELD_OUT_SEED));
            for (Scene scene : g.scenes(0, 400)) {
                JudgeVerdict v = JudgeVerdict.fromCells(PerfectLogits.of(scene, size, 8), 8, size);
                assertThat(v.caption()).isEqualTo(scene.caption());
                assertThat(v.count()).isEqualTo(scene.count());
                for (int i = 0; i < scene.count(); i++) {
                    SceneObject want = scene.objects().get(i);
                    JudgedObject got = v.objects().get(i);
                    assertThat(got.colour()).isEqualTo(want.colour());
                    assertThat(got.shape()).isEqualTo(want.shape());
                    assertThat(got.x()).isCloseTo(want.x(), within(size / 8 * 1e-3));
                    assertThat(got.y()).isCloseTo(want.y(), within(size / 8 * 1e-3));
                    assertThat(got.position()).isEqualTo(want.position());
                    assertThat(got.presence()).isGreaterThan(0.98);
                }
                assertThat(v.attributes()).isEqualTo(SceneAttributes.of(scene));
            }
        }
    }

    @Test
    void oneCellKnownAnswer() {
        // an 8x8 grid over 32 px with one object in cell (col 5, row 2), centre logits 0 -> middle of the cell
        int plane = 64;
        float[] z = new float[JudgeHeads.PER_CELL * plane];
        Arrays.fill(z, 0, plane, -3f);
        int cell = 2 * 8 + 5;
        z[JudgeHeads.OBJECT * plane + cell] = 2f;
        z[(JudgeHeads.COLOUR_OFFSET + SceneColour.BLUE.ordinal()) * plane + cell] = 1f;
        z[(JudgeHeads.SHAPE_OFFSET + ShapeKind.SQUARE.ordinal()) * plane + cell] = 0.5f;
        JudgeVerdict v = JudgeVerdict.fromCells(z, 8, 32);
        assertThat(v.count()).isEqualTo(1);
        JudgedObject o = v.objects().get(0);
        assertThat(o.colour()).isEqualTo(SceneColour.BLUE);
        assertThat(o.shape()).isEqualTo(ShapeKind.SQUARE);
        assertThat(o.x()).isEqualTo(22.0);
        assertThat(o.y()).isEqualTo(10.0);
        assertThat(o.position()).isEqualTo(Position.TOP_RIGHT);
        assertThat(o.presence()).isCloseTo(1 / (1 + Math.exp(-2)), within(1e-9));
        double e = Math.E;
        assertThat(o.colourProbability()).isCloseTo(e / (6 + e), within(1e-9));
        assertThat(v).hasToString("a blue square at top right");
    }

    @Test
    void aCentreOnACellBorderIsFoundOnceWhetherItsCellsShareOrBothClaimIt() {
        // cells (2, 3) and (3, 3) of an 8x8 grid over 32 px both place a centre at x = 12 (their border), y = 14
        int plane = 64;
        int left = 3 * 8 + 2;
        int right = 3 * 8 + 3;
        for (float logit : new float[] {(float) Math.log(0.4 / 0.6), (float) Math.log(0.6 / 0.4)}) {
            float[] z = new float[JudgeHeads.PER_CELL * plane];
            Arrays.fill(z, 0, plane, -6f);
            Arrays.fill(z, JudgeHeads.CENTRE_OFFSET * plane, (JudgeHeads.CENTRE_OFFSET + 2) * plane, 0f);
            for (int cell : new int[] {left, right}) {
                z[JudgeHeads.OBJECT * plane + cell] = logit;
                z[(JudgeHeads.COLOUR_OFFSET + SceneColour.GREEN.ordinal()) * plane + cell] = 3f;
                z[(JudgeHeads.CENTRE_OFFSET + 1) * plane + cell] = (float) Math.log(0.5 / 0.5);
            }
            // left cell: x = (2 + 0.99) * 4; right cell: x = (3 + 0.01) * 4
            z[JudgeHeads.CENTRE_OFFSET * plane + left] = (float) Math.log(0.99 / 0.01);
            z[JudgeHeads.CENTRE_OFFSET * plane + right] = (float) Math.log(0.01 / 0.99);
            JudgeVerdict v = JudgeVerdict.fromCells(z, 8, 32);
            assertThat(v.count()).as("presence %.1f in each cell", 1 / (1 + Math.exp(-logit))).isEqualTo(1);
            JudgedObject o = v.objects().get(0);
            assertThat(o.x()).isCloseTo(12.0, within(1e-4));
            assertThat(o.y()).isCloseTo(14.0, within(1e-4));
            assertThat(o.colour()).isEqualTo(SceneColour.GREEN);
            assertThat(o.presence()).isCloseTo(Math.min(1, 2 / (1 + Math.exp(-logit))), within(1e-5));
        }
    }

    @Test
    void twoObjectsInNeighbouringCellsStayTwo() {
        // centres 3.6 px apart in neighbouring cells: beyond the merge radius (2.9 px at 32 px), so never merged
        int plane = 64;
        float[] z = new float[JudgeHeads.PER_CELL * plane];
        Arrays.fill(z, 0, plane, -6f);
        int a = 3 * 8 + 2;
        int b = 3 * 8 + 3;
        z[JudgeHeads.OBJECT * plane + a] = 4f;
        z[JudgeHeads.OBJECT * plane + b] = 4f;
        // a: x = (2 + 0.5) * 4 = 10; b: x = (3 + 0.4) * 4 = 13.6
        z[JudgeHeads.CENTRE_OFFSET * plane + b] = (float) Math.log(0.4 / 0.6);
        assertThat(JudgeVerdict.fromCells(z, 8, 32).count()).isEqualTo(2);
        // 2.4 px apart: one object, claimed by both cells
        z[JudgeHeads.CENTRE_OFFSET * plane + b] = (float) Math.log(0.1 / 0.9);
        assertThat(JudgeVerdict.fromCells(z, 8, 32).count()).isEqualTo(1);
    }

    @Test
    void noPositivePresenceMeansNothing() {
        float[] z = new float[JudgeHeads.PER_CELL * 64];
        Arrays.fill(z, 0, 64, -1f);
        JudgeVerdict v = JudgeVerdict.fromCells(z, 8, 32);
        assertThat(v.count()).isZero();
        assertThat(v.caption()).isEqualTo("nothing");
        assertThat(v.colours()).isEmpty();
        assertThat(v.attributes().count()).isZero();
        // presence logit exactly 0 is probability one half: not an object
        assertThat(JudgeVerdict.fromCells(new float[JudgeHeads.PER_CELL * 64], 8, 32).count()).isZero();
    }

    @Test
    void objectsAreKeptInReadingOrderWhateverOrderTheyCameIn() {
        JudgedObject right = new JudgedObject(SceneColour.RED, ShapeKind.CIRCLE, 28, 4, Position.TOP_RIGHT, 1, 1, 1);
        JudgedObject left = new JudgedObject(SceneColour.RED, ShapeKind.CIRCLE, 3, 5, Position.TOP_LEFT, 1, 1, 1);
        JudgedObject low = new JudgedObject(SceneColour.CYAN, ShapeKind.TRIANGLE, 2, 30, Position.BOTTOM_LEFT, 1, 1, 1);
        JudgeVerdict v = new JudgeVerdict(List.of(low, right, left));
        assertThat(v.objects()).containsExactly(left, right, low);
        assertThat(v.caption()).isEqualTo("two red circles and a cyan triangle");
        assertThat(v.attributes().count()).isEqualTo(3);
        assertThat(v.colours()).containsExactly(SceneColour.RED, SceneColour.CYAN);
    }

    @Test
    void logitsOfTheWrongLengthAreRefused() {
        assertThatThrownBy(() -> JudgeVerdict.fromCells(new float[5], 8, 32)).hasMessageContaining("13 x 8 x 8 logits");
    }
}
