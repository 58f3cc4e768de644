package dev.tessera.engine.eval;

import dev.tessera.engine.image.RgbImage;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ImageMetricsTest {

    private static RgbImage flat(float v) {
        float[] px = new float[3 * 4 * 4];
        Arrays.fill(px, v);
        return new RgbImage(4, 4, px);
    }

    @Test
    void psnrOfAKnownErrorIsTwentyDecibels() {
        // every value off by 0.1 -> MSE 0.01 -> 10 log10(1/0.01) = 20 dB
        assertThat(ImageMetrics.mse(flat(0.5f), flat(0.6f))).isCloseTo(0.01, within(1e-6));
        assertThat(ImageMetrics.psnr(flat(0.5f), flat(0.6f))).isCloseTo(20.0, within(1e-3));
    }

    @Test
    void identicalImagesGetTheCap() {
        assertThat(ImageMetrics.psnr(flat(0.3f), flat(0.3f))).isEqualTo(ImageMetrics.PSNR_CAP);
    }
}
