package dev.tessera.engine.eval;

/**
 * The settings of {@link Ssim}. The standard ones are those of Wang et al. 2004 and of
 * scikit-image's {@code structural_similarity(gaussian_weights=True, sigma=1.5,
 * use_sample_covariance=False)}, so numbers compare with published ones.
 *
 * @param window    side of the square Gaussian window in pixels, odd and at least 3 (standard 11)
 * @param sigma     standard deviation of the Gaussian weights in pixels, positive (standard 1.5)
 * @param k1        stabiliser of the luminance term, {@code C1 = (k1 * dataRange)^2}, positive (standard 0.01)
 * @param k2        stabiliser of the contrast-structure term, {@code C2 = (k2 * dataRange)^2}, positive (standard 0.03)
 * @param dataRange span of pixel values, positive (1 for images in [0, 1])
 */
public record SsimConfig(int window, double sigma, double k1, double k2, double dataRange) {

    public SsimConfig {
        if (window < 3 || window % 2 == 0) {
            throw new IllegalArgumentException("the SSIM window must be an odd number of pixels >= 3 (standard 11), got " + window);
        }
        if (!(sigma > 0) || !(k1 > 0) || !(k2 > 0) || !(dataRange > 0)) {
            throw new IllegalArgumentException("sigma, k1, k2 and dataRange must all be positive (standard 1.5, 0.01, 0.03, 1), got "
                    + sigma + ", " + k1 + ", " + k2 + ", " + dataRange);
        }
    }

    /** 11x11 Gaussian window, sigma 1.5, K1 0.01, K2 0.03, values in [0, 1]. */
    public static SsimConfig standard() {
        return new SsimConfig(11, 1.5, 0.01, 0.03, 1.0);
    }

    /** The window's one-dimensional weights, summing to 1; the 2-D window is their outer product. */
    public double[] weights() {
        int r = window / 2;
        double[] w = new double[window];
        double sum = 0;
        for (int i = 0; i < window; i++) {
            double d = i - r;
            w[i] = Math.exp(-0.5 * d * d / (sigma * sigma));
            sum += w[i];
        }
        for (int i = 0; i < window; i++) {
            w[i] /= sum;
        }
        return w;
    }
}
