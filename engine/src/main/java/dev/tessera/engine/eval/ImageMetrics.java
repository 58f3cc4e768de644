package dev.tessera.engine.eval;

import dev.tessera.engine.image.RgbImage;

/** Reconstruction metrics on images with values in [0, 1]: MSE, PSNR and SSIM. */
public final class ImageMetrics {

    /** PSNR reported for identical images (MSE 0), instead of infinity. */
    public static final double PSNR_CAP = 100.0;

    private ImageMetrics() {
    }

    /** Mean squared error over every channel value. */
    public static double mse(RgbImage a, RgbImage b) {
        if (a.width() != b.width() || a.height() != b.height()) {
            throw new IllegalArgumentException("images differ in size: " + a.width() + "x" + a.height()
                    + " vs " + b.width() + "x" + b.height());
        }
        float[] x = a.pixels();
        float[] y = b.pixels();
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - y[i];
            s += d * d;
        }
        return s / x.length;
    }

    /** {@code 10 log10(1 / MSE)} in dB (MAX = 1), capped at {@value #PSNR_CAP}. */
    public static double psnr(RgbImage a, RgbImage b) {
        return psnrFromMse(mse(a, b));
    }

    /** SSIM with the standard settings (11x11 Gaussian, sigma 1.5, K1 0.01, K2 0.03): see {@link Ssim}. */
    public static double ssim(RgbImage a, RgbImage b) {
        return Ssim.of(a, b);
    }

    /** PSNR of a given MSE with MAX = 1. */
    public static double psnrFromMse(double mse) {
        return mse <= 0 ? PSNR_CAP : Math.min(PSNR_CAP, 10 * Math.log10(1.0 / mse));
    }
}
