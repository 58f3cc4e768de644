package dev.tessera.engine.judge;

import dev.tessera.engine.image.RgbImage;

import java.util.SplittableRandom;

/**
 * The training-time degradation that keeps the judge reading images that came out of a
 * decoder, which are softer and noisier than drawn scenes: a Gaussian blur of random width
 * and a little pixel noise. Labels stay exact (blur moves no object's centre), and nothing
 * of any tokenizer or generator is used, so the judge stays independent of what it scores.
 */
public final class Degradation {

    /** Blur widths (sigma, pixels) are drawn from [MIN_SIGMA, MAX_SIGMA]. */
    static final double MIN_SIGMA = 0.4;
    static final double MAX_SIGMA = 0.9;
    /** Pixel noise standard deviations are drawn from [0, MAX_NOISE] (pixels in [0, 1]). */
    static final double MAX_NOISE = 0.03;
    /** Corner rounding widths (sigma of the opening, pixels) are drawn from [MIN_ROUNDING, MAX_ROUNDING]. */
    static final double MIN_ROUNDING = 0.5;
    static final double MAX_ROUNDING = 1.2;
    /** Steepness of the curve that turns a blurred coverage back into a sharp edge. */
    static final double SHARPNESS = 4;

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

    /**
     * {@code image} blurred and noised at random, corners kept: a view that keeps every object's
     * shape (the semantic encoder's views, where a rounded square must stay a square).
     */
    public static RgbImage blurred(RgbImage image, SplittableRandom rng) {
        return apply(image, MIN_SIGMA + (MAX_SIGMA - MIN_SIGMA) * rng.nextDouble(), MAX_NOISE * rng.nextDouble(), rng);
    }

    /** A random degradation of {@code image}: soft edges or rounded corners, equally often. */
    public static RgbImage random(RgbImage image, SplittableRandom rng) {
        double sigma = MIN_SIGMA + (MAX_SIGMA - MIN_SIGMA) * rng.nextDouble();
        if (rng.nextBoolean()) {
            return apply(image, sigma, MAX_NOISE * rng.nextDouble(), rng);
        }
        double r = MIN_ROUNDING + (MAX_ROUNDING - MIN_ROUNDING) * rng.nextDouble();
        return apply(rounded(image, r), 0.3 + 0.3 * rng.nextDouble(), MAX_NOISE * rng.nextDouble(), rng);
    }

    /**
     * Corners rounded with edges kept sharp, as decoders draw small shapes: each pixel's share
     * of its nearby object colour is blurred with {@code sigma} and pushed back to 0 or 1 by a
     * steep curve (blur, then threshold: a morphological opening). A square keeps four straight
     * sides and its label; only its corners and a triangle's tips get rounder.
     */
    static RgbImage rounded(RgbImage image, double sigma) {
        int w = image.width();
        int h = image.height();
        int plane = w * h;
        float[] px = image.pixels();
        float[] bg = background(image);
        // alpha: how much of the strongest colour within two pixels each pixel holds
        float[] colour = new float[3 * plane];
        float[] alpha = new float[plane];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int best = -1;
                double bestDev = 0;
                for (int dy = -2; dy <= 2; dy++) {
                    for (int dx = -2; dx <= 2; dx++) {
                        int xx = x + dx;
                        int yy = y + dy;
                        if (xx >= 0 && yy >= 0 && xx < w && yy < h) {
                            double d = deviation(px, bg, yy * w + xx, plane);
                            if (d > bestDev) {
                                bestDev = d;
                                best = yy * w + xx;
                            }
                        }
                    }
                }
                int i = y * w + x;
                if (best < 0) {
                    for (int c = 0; c < 3; c++) {
                        colour[c * plane + i] = bg[c];
                    }
                    continue;
                }
                double dot = 0;
                for (int c = 0; c < 3; c++) {
                    colour[c * plane + i] = px[c * plane + best];
                    dot += (px[c * plane + i] - bg[c]) * (px[c * plane + best] - bg[c]);
                }
                alpha[i] = (float) Math.min(1, Math.max(0, dot / bestDev));
            }
        }
        float[] soft = blurPlane(alpha, w, h, kernel(sigma));
        float[] out = new float[3 * plane];
        for (int i = 0; i < plane; i++) {
            double a = Math.min(1, Math.max(0, (soft[i] - 0.5) * SHARPNESS + 0.5));
            for (int c = 0; c < 3; c++) {
                out[c * plane + i] = (float) (bg[c] + a * (colour[c * plane + i] - bg[c]));
            }
        }
        return new RgbImage(w, h, out);
    }

    /** Per-channel median of the border pixels: objects never touch the border. */
    private static float[] background(RgbImage image) {
        int w = image.width();
        int h = image.height();
        float[] bg = new float[3];
        for (int c = 0; c < 3; c++) {
            java.util.List<Float> border = new java.util.ArrayList<>();
            for (int x = 0; x < w; x++) {
                border.add(image.at(c, x, 0));
                border.add(image.at(c, x, h - 1));
            }
            for (int y = 1; y < h - 1; y++) {
                border.add(image.at(c, 0, y));
                border.add(image.at(c, w - 1, y));
            }
            java.util.Collections.sort(border);
            bg[c] = border.get(border.size() / 2);
        }
        return bg;
    }

    /** Squared distance of pixel {@code i} from the background colour. */
    private static double deviation(float[] px, float[] bg, int i, int plane) {
        double d = 0;
        for (int c = 0; c < 3; c++) {
            double v = px[c * plane + i] - bg[c];
            d += v * v;
        }
        return d;
    }

    private static float[] blurPlane(float[] src, int w, int h, float[] k) {
        int r = k.length / 2;
        float[] tmp = new float[src.length];
        float[] out = new float[src.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float s = 0;
                for (int i = -r; i <= r; i++) {
                    s += k[i + r] * src[y * w + Math.min(w - 1, Math.max(0, x + i))];
                }
                tmp[y * w + x] = s;
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float s = 0;
                for (int i = -r; i <= r; i++) {
                    s += k[i + r] * tmp[Math.min(h - 1, Math.max(0, y + i)) * w + x];
                }
                out[y * w + x] = s;
            }
        }
        return out;
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
