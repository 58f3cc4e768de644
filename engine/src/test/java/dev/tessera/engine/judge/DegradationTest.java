package dev.tessera.engine.judge;

import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.image.RgbImage;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DegradationTest {

    @Test
    void kernelsAreNormalisedAndSymmetric() {
        for (double sigma : new double[] {Degradation.MIN_SIGMA, 0.7, Degradation.MAX_SIGMA}) {
            float[] k = Degradation.kernel(sigma);
            double sum = 0;
            for (float v : k) {
                sum += v;
            }
            assertThat(sum).isCloseTo(1, within(1e-6));
            for (int i = 0; i < k.length; i++) {
                assertThat(k[i]).isEqualTo(k[k.length - 1 - i]);
            }
        }
    }

    @Test
    void aBlurWithoutNoiseKeepsTheBrightnessCentreWhereTheObjectIs() {
        // one object in the middle: blurring moves no centre, so the position label stays exact
        RgbImage img = new SceneGenerator(new SceneConfig(32, 1, 1, 3)).scene(0).image();
        RgbImage blurred = Degradation.apply(img, 0.9, 0, new SplittableRandom(1));
        assertThat(centreX(blurred)).isCloseTo(centreX(img), within(0.3));
        assertThat(blurred).isNotEqualTo(img);
    }

    @Test
    void theSameRandomStreamGivesTheSameImageAndValuesStayInRange() {
        RgbImage img = new SceneGenerator(new SceneConfig(16, 1, 4, 3)).scene(1).image();
        RgbImage a = Degradation.random(img, new SplittableRandom(5));
        RgbImage b = Degradation.random(img, new SplittableRandom(5));
        assertThat(a).isEqualTo(b);
        for (float v : a.pixels()) {
            assertThat(v).isBetween(0f, 1f);
        }
    }

    private static double centreX(RgbImage img) {
        double sum = 0;
        double weighted = 0;
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                double v = img.at(0, x, y) + img.at(1, x, y) + img.at(2, x, y) - 3 * 24 / 255.0;
                sum += v;
                weighted += v * x;
            }
        }
        return weighted / sum;
    }
}
