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

    @Test
    void roundingCutsCornersButKeepsStraightSidesAndColours() {
        int n = 16;
        float[] px = new float[3 * n * n];
        float[] bg = {0.1f, 0.1f, 0.12f};
        float[] red = {0.9f, 0.15f, 0.15f};
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                boolean inside = x >= 4 && x < 12 && y >= 4 && y < 12;
                for (int c = 0; c < 3; c++) {
                    px[(c * n + y) * n + x] = inside ? red[c] : bg[c];
                }
            }
        }
        RgbImage r = Degradation.rounded(new RgbImage(n, n, px), 1.2);
        assertThat(r.at(0, 4, 4)).as("corner").isLessThan(0.5f);
        assertThat(r.at(0, 7, 4)).as("middle of the top side").isCloseTo(0.9f, within(0.01f));
        assertThat(r.at(0, 8, 8)).as("centre").isCloseTo(0.9f, within(0.01f));
        assertThat(r.at(0, 0, 0)).as("background").isCloseTo(0.1f, within(0.01f));
        assertThat(r.at(1, 4, 4)).as("a mix of red and background only").isBetween(0.1f, 0.15f);
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
