package dev.tessera.engine.eval;

import dev.tessera.engine.image.RgbImage;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SsimTest {

    private static final int W = 16;
    private static final int H = 13;

    @Test
    void identicalImagesScoreOne() {
        RgbImage a = patternA();
        assertThat(Ssim.of(a, a)).isCloseTo(1.0, within(1e-12));
        assertThat(ImageMetrics.ssim(a, a)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void flatImagesHaveAClosedForm() {
        // no variance anywhere: SSIM = (2 mx my + C1) / (mx^2 + my^2 + C1) = 0.6001 / 0.6101
        assertThat(Ssim.of(flat(11, 0.5f), flat(11, 0.6f))).isCloseTo(0.6001 / 0.6101, within(1e-6));
    }

    @Test
    void matchesScikitImage() {
        // skimage 0.19.3 structural_similarity(channel_axis=2, gaussian_weights=True, sigma=1.5,
        // use_sample_covariance=False, data_range=1.0) on the same float32 patterns
        assertThat(Ssim.of(patternA(), patternB())).isCloseTo(0.11989466981198421, within(1e-9));
        assertThat(Ssim.of(patternA(), nearA())).isCloseTo(0.9919333344482374, within(1e-9));
        assertThat(Ssim.perChannel(patternA(), patternB(), SsimConfig.standard()))
                .containsExactly(new double[] {0.2207326300266768, 0.21259406483240417, -0.07364268542312835}, within(1e-9));
    }

    @Test
    void matchesADirectTwoDimensionalWindowSum() {
        SplittableRandom rng = new SplittableRandom(7);
        RgbImage a = random(19, 14, rng);
        RgbImage b = random(19, 14, rng);
        assertThat(Ssim.of(a, b)).isCloseTo(direct(a, b), within(1e-12));
    }

    @Test
    void fallsAsNoiseGrows() {
        RgbImage clean = patternA();
        SplittableRandom rng = new SplittableRandom(1);
        double previous = 1.0;
        for (float sigma : new float[] {0.02f, 0.05f, 0.1f, 0.2f}) {
            float[] px = clean.pixels().clone();
            for (int i = 0; i < px.length; i++) {
                px[i] += (float) (sigma * gaussian(rng));
            }
            double s = Ssim.of(clean, new RgbImage(W, H, px));
            assertThat(s).isLessThan(previous);
            previous = s;
        }
    }

    @Test
    void imagesSmallerThanTheWindowAreRefusedWithAFix() {
        assertThatThrownBy(() -> Ssim.of(flat(10, 0f), flat(10, 0f)))
                .hasMessageContaining("at least 11x11").hasMessageContaining("10x10").hasMessageContaining("PSNR");
    }

    @Test
    void differentSizesAreRefused() {
        assertThatThrownBy(() -> Ssim.of(flat(11, 0f), flat(12, 0f))).hasMessageContaining("11x11 and 12x12");
    }

    @Test
    void badSettingsNameTheStandardValues() {
        assertThatThrownBy(() -> new SsimConfig(10, 1.5, 0.01, 0.03, 1)).hasMessageContaining("odd");
        assertThatThrownBy(() -> new SsimConfig(11, 0, 0.01, 0.03, 1)).hasMessageContaining("standard 1.5");
    }

    @Test
    void windowWeightsSumToOneAndPeakInTheMiddle() {
        double[] w = SsimConfig.standard().weights();
        assertThat(Arrays.stream(w).sum()).isCloseTo(1.0, within(1e-12));
        assertThat(w[5]).isGreaterThan(w[4]).isCloseTo(0.266012, within(1e-6));
        assertThat(w[0]).isEqualTo(w[10]);
    }

    /** The textbook form: every valid window summed in two dimensions, no separability. */
    private static double direct(RgbImage a, RgbImage b) {
        double[] w = SsimConfig.standard().weights();
        double c1 = 1e-4;
        double c2 = 9e-4;
        double total = 0;
        for (int c = 0; c < 3; c++) {
            double sum = 0;
            int count = 0;
            for (int y0 = 0; y0 + 11 <= a.height(); y0++) {
                for (int x0 = 0; x0 + 11 <= a.width(); x0++) {
                    double mx = 0, my = 0;
                    for (int j = 0; j < 11; j++) {
                        for (int i = 0; i < 11; i++) {
                            mx += w[i] * w[j] * a.at(c, x0 + i, y0 + j);
                            my += w[i] * w[j] * b.at(c, x0 + i, y0 + j);
                        }
                    }
                    double vx = 0, vy = 0, cov = 0;
                    for (int j = 0; j < 11; j++) {
                        for (int i = 0; i < 11; i++) {
                            double dx = a.at(c, x0 + i, y0 + j) - mx;
                            double dy = b.at(c, x0 + i, y0 + j) - my;
                            vx += w[i] * w[j] * dx * dx;
                            vy += w[i] * w[j] * dy * dy;
                            cov += w[i] * w[j] * dx * dy;
                        }
                    }
                    sum += (2 * mx * my + c1) * (2 * cov + c2) / ((mx * mx + my * my + c1) * (vx + vy + c2));
                    count++;
                }
            }
            total += sum / count;
        }
        return total / 3;
    }

    private static RgbImage patternA() {
        return pattern((c, x, y) -> ((x * 7 + y * 13 + c * 5) % 17) / 16f);
    }

    private static RgbImage patternB() {
        return pattern((c, x, y) -> ((x * 3 + y * y + c * 11) % 23) / 22f);
    }

    private static RgbImage nearA() {
        return pattern((c, x, y) -> Math.min(1f, Math.max(0f,
                ((x * 7 + y * 13 + c * 5) % 17) / 16f + (((x * 5 + y * 3 + c) % 7) - 3) / 50f)));
    }

    private interface Pixel {
        float at(int c, int x, int y);
    }

    private static RgbImage pattern(Pixel p) {
        float[] px = new float[3 * W * H];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    px[(c * H + y) * W + x] = p.at(c, x, y);
                }
            }
        }
        return new RgbImage(W, H, px);
    }

    private static RgbImage flat(int side, float v) {
        float[] px = new float[3 * side * side];
        Arrays.fill(px, v);
        return new RgbImage(side, side, px);
    }

    private static RgbImage random(int w, int h, SplittableRandom rng) {
        float[] px = new float[3 * w * h];
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) rng.nextDouble();
        }
        return new RgbImage(w, h, px);
    }

    private static double gaussian(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
