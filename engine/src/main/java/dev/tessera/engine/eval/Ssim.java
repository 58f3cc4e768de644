package dev.tessera.engine.eval;

import dev.tessera.engine.image.RgbImage;

/**
 * Structural similarity (Wang et al. 2004): per channel, the mean over every position where
 * the whole Gaussian window fits ('valid' windows, no padding) of
 * {@code (2 mx my + C1)(2 sxy + C2) / ((mx^2 + my^2 + C1)(sx^2 + sy^2 + C2))}, with
 * window-weighted means and population (not sample) covariances; the image's SSIM is the
 * mean over its three channels. PSNR punishes a one-pixel shift as much as noise; SSIM
 * weighs structure, so both are reported for reconstructions.
 */
public final class Ssim {

    private Ssim() {
    }

    /** SSIM of two same-size images with the {@linkplain SsimConfig#standard() standard} settings, in [-1, 1]. */
    public static double of(RgbImage a, RgbImage b) {
        return of(a, b, SsimConfig.standard());
    }

    /** SSIM of two same-size images, averaged over the three channels. */
    public static double of(RgbImage a, RgbImage b, SsimConfig config) {
        double[] c = perChannel(a, b, config);
        return (c[0] + c[1] + c[2]) / 3;
    }

    /** SSIM of each channel (red, green, blue). */
    public static double[] perChannel(RgbImage a, RgbImage b, SsimConfig config) {
        if (a.width() != b.width() || a.height() != b.height()) {
            throw new IllegalArgumentException("SSIM compares images of one size, got " + a.width() + "x" + a.height()
                    + " and " + b.width() + "x" + b.height() + "; resize one with Images.centreSquare");
        }
        int n = config.window();
        if (a.width() < n || a.height() < n) {
            throw new IllegalArgumentException("SSIM needs images of at least " + n + "x" + n + " pixels (its Gaussian window), got "
                    + a.width() + "x" + a.height() + "; compare larger images, or use PSNR for tiny ones");
        }
        double[] w = config.weights();
        double c1 = Math.pow(config.k1() * config.dataRange(), 2);
        double c2 = Math.pow(config.k2() * config.dataRange(), 2);
        double[] out = new double[3];
        for (int c = 0; c < 3; c++) {
            out[c] = channel(a, b, c, w, c1, c2);
        }
        return out;
    }

    private static double channel(RgbImage a, RgbImage b, int c, double[] w, double c1, double c2) {
        int width = a.width();
        int height = a.height();
        int plane = width * height;
        double[] x = new double[plane];
        double[] y = new double[plane];
        double[] xx = new double[plane];
        double[] yy = new double[plane];
        double[] xy = new double[plane];
        float[] pa = a.pixels();
        float[] pb = b.pixels();
        for (int i = 0; i < plane; i++) {
            double u = pa[c * plane + i];
            double v = pb[c * plane + i];
            x[i] = u;
            y[i] = v;
            xx[i] = u * u;
            yy[i] = v * v;
            xy[i] = u * v;
        }
        int ow = width - w.length + 1;
        int oh = height - w.length + 1;
        double[] mx = blur(x, width, height, w);
        double[] my = blur(y, width, height, w);
        double[] mxx = blur(xx, width, height, w);
        double[] myy = blur(yy, width, height, w);
        double[] mxy = blur(xy, width, height, w);
        double sum = 0;
        for (int i = 0; i < ow * oh; i++) {
            double vx = mxx[i] - mx[i] * mx[i];
            double vy = myy[i] - my[i] * my[i];
            double cov = mxy[i] - mx[i] * my[i];
            sum += (2 * mx[i] * my[i] + c1) * (2 * cov + c2)
                    / ((mx[i] * mx[i] + my[i] * my[i] + c1) * (vx + vy + c2));
        }
        return sum / (ow * oh);
    }

    /** Separable 'valid' filtering: rows then columns; the result is (width-n+1) x (height-n+1). */
    private static double[] blur(double[] img, int width, int height, double[] w) {
        int n = w.length;
        int ow = width - n + 1;
        int oh = height - n + 1;
        double[] rows = new double[ow * height];
        for (int yy = 0; yy < height; yy++) {
            for (int xx = 0; xx < ow; xx++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += w[k] * img[yy * width + xx + k];
                }
                rows[yy * ow + xx] = s;
            }
        }
        double[] out = new double[ow * oh];
        for (int yy = 0; yy < oh; yy++) {
            for (int xx = 0; xx < ow; xx++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += w[k] * rows[(yy + k) * ow + xx];
                }
                out[yy * ow + xx] = s;
            }
        }
        return out;
    }
}
