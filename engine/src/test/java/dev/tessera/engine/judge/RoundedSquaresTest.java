package dev.tessera.engine.judge;

import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneColour;
import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.data.ShapeKind;
import dev.tessera.engine.image.RgbImage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RoundedSquaresTest {

    private static final SceneGenerator SCENES = new SceneGenerator(new SceneConfig(32, 1, 1, 5));
    private static final Scene SQUARE = SCENES.sceneWith(0, List.of(SceneColour.RED), List.of(ShapeKind.SQUARE));
    /** The same layout with a circle: the shape is drawn after the place, so only the shape differs. */
    private static final Scene CIRCLE = SCENES.sceneWith(0, List.of(SceneColour.RED), List.of(ShapeKind.CIRCLE));

    /** Pixels whose red channel shows the object more than the background. */
    private static int filled(RgbImage img) {
        int n = 0;
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                n += img.at(0, x, y) > 0.5f ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void roundnessZeroIsTheDrawnSquareAndOneIsTheCircleDrawnInItsPlace() {
        assertThat(CIRCLE.objects().get(0).x()).isEqualTo(SQUARE.objects().get(0).x());
        RgbImage sharp = RoundedSquares.redraw(SQUARE, 0);
        RgbImage round = RoundedSquares.redraw(SQUARE, 1);
        assertThat(filled(sharp)).isEqualTo(filled(SQUARE.image()));
        assertThat(filled(round)).isCloseTo(filled(CIRCLE.image()), org.assertj.core.api.Assertions.within(2));
        // a disc of radius r covers pi r^2, the square (2 * 1.05 r / sqrt 2)^2 = 2.2 r^2
        assertThat(filled(round) / (double) filled(sharp)).isBetween(1.3, 1.55);
    }

    @Test
    void everyRoundnessIsJudgedOnTheSameSquares() {
        try (SceneJudge judge = SceneJudge.create("t", JudgeConfig.tiny(), 1)) {
            List<RoundedSquares.Point> points = RoundedSquares.measure(judge, 3);
            assertThat(points).extracting(RoundedSquares.Point::roundness).containsExactlyElementsOf(RoundedSquares.ROUNDNESS);
            assertThat(points).allSatisfy(p -> {
                assertThat(p.images()).isEqualTo(3);
                assertThat(p.square() + p.circle()).isLessThanOrEqualTo(1.0);
            });
        }
    }
}
