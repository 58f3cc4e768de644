package dev.tessera.engine.eval;

import dev.tessera.engine.quantize.Codebooks;

import java.util.Arrays;

/**
 * How a tokenizer does on a set of images: reconstruction quality, compression, and how it
 * uses its codebook (per level for residual stacks). The same record for every variant, so
 * comparison tables need no special cases.
 *
 * @param meanPsnr    mean of per-image PSNR, dB (MAX = 1)
 * @param meanMse     mean of per-image MSE
 * @param meanSsim    mean of per-image SSIM (11x11 Gaussian, sigma 1.5)
 * @param meanBits    mean bits per image a decoder needs ({@link dev.tessera.engine.tokenize.ImageTokens#bits()})
 * @param tokenCounts tokens of each image (grid positions, or clusters), in input order
 * @param usage       how often each code was chosen, per level: {@code usage[level][code]}
 */
public record ReconstructionReport(double meanPsnr, double meanMse, double meanSsim, double meanBits, int[] tokenCounts,
                                   long[][] usage) {

    /** How many images were measured. */
    public int images() {
        return tokenCounts.length;
    }

    /** Mean tokens per image. */
    public double meanTokens() {
        return Arrays.stream(tokenCounts).average().orElse(0);
    }

    /** Fewest tokens of any image. */
    public int minTokens() {
        return Arrays.stream(tokenCounts).min().orElse(0);
    }

    /** Most tokens of any image. */
    public int maxTokens() {
        return Arrays.stream(tokenCounts).max().orElse(0);
    }

    /** Levels of codes (1 unless residual). */
    public int levels() {
        return usage.length;
    }

    /** Codes per level. */
    public int codebookSize() {
        return usage[0].length;
    }

    /** Codes of {@code level} chosen at least once. */
    public int usedCodes(int level) {
        return (int) Arrays.stream(usage[level]).filter(u -> u > 0).count();
    }

    /** Fraction of the codes of {@code level} chosen at least once. */
    public double utilization(int level) {
        return (double) usedCodes(level) / codebookSize();
    }

    /** Mean utilization over levels. */
    public double utilization() {
        double s = 0;
        for (int l = 0; l < levels(); l++) {
            s += utilization(l);
        }
        return s / levels();
    }

    /** Fraction of codes never chosen (dead), over all levels. */
    public double deadCodeRatio() {
        return 1 - utilization();
    }

    /** {@code exp(entropy)} of the usage of {@code level}: the effective number of codes. */
    public double perplexity(int level) {
        return Codebooks.perplexity(usage[level]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReconstructionReport r && meanPsnr == r.meanPsnr && meanMse == r.meanMse
                && meanSsim == r.meanSsim && meanBits == r.meanBits && Arrays.equals(tokenCounts, r.tokenCounts)
                && Arrays.deepEquals(usage, r.usage);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(usage) * 31 + Arrays.hashCode(tokenCounts);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(
                "%d images: PSNR %.2f dB, SSIM %.3f, MSE %.5f, tokens %.1f (%d..%d), %.0f bits/image, utilization",
                images(), meanPsnr, meanSsim, meanMse, meanTokens(), minTokens(), maxTokens(), meanBits));
        for (int l = 0; l < levels(); l++) {
            sb.append(String.format(" %.1f%% (perplexity %.1f)", 100 * utilization(l), perplexity(l)));
        }
        return sb.toString();
    }
}
