package dev.tessera.engine.judge;

import dev.tessera.engine.image.RgbImage;

import java.util.SplittableRandom;

/**
 * The training-time degradation that keeps the judge reading images that came out of a
 * decoder, which are softer and noisier than drawn scenes: a Gaussian blur of random width
 * and a little pixel noise. Labels stay exact (blur moves no object's centre), and nothing
 * of any tokenizer or generator is used, so the judge stays independent of what it scores.
 */
final class Degradation {

    /** Blur widths (sigma, pixels) are drawn from [MIN_SIGMA, MAX_SIGMA]. */
    static final double MIN_SIGMA = 0.4;
    static final double MAX_SIGMA = 0.9;
    /** Pixel noise standard deviations are drawn from [0, MAX_NOISE] (pixels in [0, 1]). */
    static final double MAX_NOISE = 0.03;

    private Degradation() {
    }

    /** {@code image} blurred with {@code sigma} and with noise of standard deviation {@code noise}, clamped to [0, 1]. */
    static RgbImage apply(RgbImage image, double sigma, double noise, SplittableRandom rng) {
        int w = image.width();
        int h = image.height();
        float[] k = kernel(sigma);
        int r = k.length / 2;
        float[] src = image.pixels();
        float[] tmp = new float[src.length];
        float[] out = new float[src.length];
        for (int c = 0; c < 3; c++) {
            int base = c * w * h;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float s = 0;
                    for (int i = -r; i <= r; i++) {
                        s += k[i + r] * src[base + y * w + Math.min(w - 1, Math.max(0, x + i))];
                    }
                    tmp[base + y * w + x] = s;
                }
            }
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float s = 0;
                    for (int i = -r; i <= r; i++) {
                        s += k[i + r] * tmp[base + Math.min(h - 1, Math.max(0, y + i)) * w + x];
                    }
                    out[base + y * w + x] = s;
                }
            }
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) Math.min(1, Math.max(0, out[i] + noise * gaussian(rng)));
        }
        return new RgbImage(w, h, out);
    }

    /** A random degradation of {@code image}. */
    static RgbImage random(RgbImage image, SplittableRandom rng) {
        double sigma = MIN_SIGMA + (MAX_SIGMA - MIN_SIGMA) * rng.nextDouble();
        return apply(image, sigma, MAX_NOISE * rng.nextDouble(), rng);
    }

    /** Normalised Gaussian taps out to about 2.5 sigma. */
    static float[] kernel(double sigma) {
        int r = Math.max(1, (int) Math.ceil(2.5 * sigma));
        float[] k = new float[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            sum += Math.exp(-i * i / (2 * sigma * sigma));
        }
        for (int i = -r; i <= r; i++) {
            k[i + r] = (float) (Math.exp(-i * i / (2 * sigma * sigma)) / sum);
        }
        return k;
    }

    private static double gaussian(SplittableRandom rng) {
        // Box-Muller; 1 - u keeps the logarithm finite
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
