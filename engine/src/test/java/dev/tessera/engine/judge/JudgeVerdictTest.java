package dev.tessera.engine.judge;

import dev.tessera.engine.data.Position;
import dev.tessera.engine.data.SceneColour;
import dev.tessera.engine.data.ShapeKind;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class JudgeVerdictTest {

    /** Logits that say: 3 objects, red and cyan, circles and triangles, top left and bottom right. */
    static float[] handBuilt() {
        float[] z = new float[JudgeHeads.SIZE];
        java.util.Arrays.fill(z, -4f);
        z[0] = 0f;
        z[1] = 1f;
        z[2] = 3f;
        z[3] = 1f;
        z[JudgeHeads.COLOUR_OFFSET + SceneColour.RED.ordinal()] = 2f;
        z[JudgeHeads.COLOUR_OFFSET + SceneColour.CYAN.ordinal()] = 0.01f;
        z[JudgeHeads.SHAPE_OFFSET + ShapeKind.CIRCLE.ordinal()] = 5f;
        z[JudgeHeads.SHAPE_OFFSET + ShapeKind.TRIANGLE.ordinal()] = 1f;
        z[JudgeHeads.POSITION_OFFSET + Position.TOP_LEFT.ordinal()] = 3f;
        z[JudgeHeads.POSITION_OFFSET + Position.BOTTOM_RIGHT.ordinal()] = 3f;
        return z;
    }

    @Test
    void handBuiltLogitsDecodeToTheExpectedSets() {
        JudgeVerdict v = JudgeVerdict.fromLogits(handBuilt());
        assertThat(v.count()).isEqualTo(3);
        assertThat(v.colours()).containsExactly(SceneColour.RED, SceneColour.CYAN);
        assertThat(v.shapes()).containsExactly(ShapeKind.CIRCLE, ShapeKind.TRIANGLE);
        assertThat(v.positions()).containsExactly(Position.TOP_LEFT, Position.BOTTOM_RIGHT);
        // softmax of (0, 1, 3, 1): e^3 / (1 + 2e + e^3)
        double e = Math.E;
        assertThat(v.countConfidence()).isCloseTo(e * e * e / (1 + 2 * e + e * e * e), within(1e-12));
        assertThat(v.countProbabilities().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1, within(1e-12));
        assertThat(v.colourProbabilities().get(SceneColour.RED)).isCloseTo(1 / (1 + Math.exp(-2)), within(1e-12));
        assertThat(v.colourProbabilities().get(SceneColour.BLUE)).isCloseTo(1 / (1 + Math.exp(4)), within(1e-12));
        assertThat(v.colourProbabilities()).hasSize(7);
        assertThat(v.shapeProbabilities()).hasSize(3);
        assertThat(v.positionProbabilities()).hasSize(9);
    }

    @Test
    void matchesAsksForExactlyTheseColoursAndShapes() {
        JudgeVerdict v = JudgeVerdict.fromLogits(handBuilt());
        assertThat(v.matches(Set.of(SceneColour.RED, SceneColour.CYAN), Set.of(ShapeKind.TRIANGLE, ShapeKind.CIRCLE))).isTrue();
        assertThat(v.matches(Set.of(SceneColour.RED), Set.of(ShapeKind.CIRCLE, ShapeKind.TRIANGLE))).isFalse();
        assertThat(v.matches(Set.of(SceneColour.RED, SceneColour.CYAN), Set.of(ShapeKind.CIRCLE))).isFalse();
        assertThat(v.matches(3, Set.of(SceneColour.RED, SceneColour.CYAN), Set.of(ShapeKind.CIRCLE, ShapeKind.TRIANGLE))).isTrue();
        assertThat(v.matches(1, Set.of(SceneColour.RED, SceneColour.CYAN), Set.of(ShapeKind.CIRCLE, ShapeKind.TRIANGLE))).isFalse();
    }

    @Test
    void aRedCircleIsScoredAsOne() {
        float[] z = new float[JudgeHeads.SIZE];
        java.util.Arrays.fill(z, -3f);
        z[0] = 3f;
        z[JudgeHeads.COLOUR_OFFSET + SceneColour.RED.ordinal()] = 3f;
        z[JudgeHeads.SHAPE_OFFSET + ShapeKind.CIRCLE.ordinal()] = 3f;
        z[JudgeHeads.POSITION_OFFSET + Position.CENTER.ordinal()] = 3f;
        JudgeVerdict v = JudgeVerdict.fromLogits(z);
        assertThat(v.matches(1, Set.of(SceneColour.RED), Set.of(ShapeKind.CIRCLE))).isTrue();
        assertThat(v).hasToString("1 object; colours red; shapes circle; at center (count p=0.99)");
    }

    @Test
    void nothingAboveOneHalfMeansEmptySetsAndTiesPickTheSmallerCount() {
        JudgeVerdict v = JudgeVerdict.fromLogits(new float[JudgeHeads.SIZE]);
        assertThat(v.count()).isEqualTo(1);
        assertThat(v.colours()).isEmpty();
        assertThat(v.shapes()).isEmpty();
        assertThat(v.positions()).isEmpty();
        assertThat(v.countProbabilities()).containsExactly(0.25, 0.25, 0.25, 0.25);
    }

    @Test
    void theTargetRowOfAVerdictsAttributesDecodesToThem() {
        JudgeVerdict v = JudgeVerdict.fromLogits(handBuilt());
        float[] t = JudgeHeads.target(v.attributes());
        float[] logits = new float[t.length];
        for (int i = 0; i < t.length; i++) {
            logits[i] = 2 * t[i] - 1;
        }
        assertThat(JudgeVerdict.fromLogits(logits).attributes()).isEqualTo(v.attributes());
    }

    @Test
    void aRowOfTheWrongLengthIsRefused() {
        assertThatThrownBy(() -> JudgeVerdict.fromLogits(new float[5])).hasMessageContaining("23 logits");
    }
}
