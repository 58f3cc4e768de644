package dev.tessera.engine.quantize;

/**
 * Settings of a nearest-code vector quantizer (VQ-VAE with EMA codebook, as UniCode's
 * tokenizer uses it).
 *
 * @param codebookSize      number of codes K, 2..65536
 * @param codeDim           width D of each code vector
 * @param beta              commitment weight (0.25 in the VQ-VAE paper and UniCode)
 * @param emaDecay          EMA decay of cluster sizes and sums, in (0, 1); ~0.99 is usual
 * @param deadCodeThreshold a code whose EMA cluster size falls below this (assignments per
 *                          batch) is re-seeded from a recent encoder output; 0 disables restarts
 * @param kmeansIterations  Lloyd iterations on the first batch to initialise the codebook; 0 = random rows
 */
public record QuantizerConfig(int codebookSize, int codeDim, double beta, double emaDecay,
                              double deadCodeThreshold, int kmeansIterations) {

    public QuantizerConfig {
        if (codebookSize < 2 || codebookSize > 65536) {
            throw new IllegalArgumentException("codebookSize must be in 2..65536, got " + codebookSize);
        }
        if (codeDim < 1) {
            throw new IllegalArgumentException("codeDim must be >= 1, got " + codeDim);
        }
        if (beta < 0) {
            throw new IllegalArgumentException("beta must be >= 0, got " + beta);
        }
        if (!(emaDecay > 0 && emaDecay < 1)) {
            throw new IllegalArgumentException("emaDecay must be in (0, 1), got " + emaDecay);
        }
        if (deadCodeThreshold < 0 || kmeansIterations < 0) {
            throw new IllegalArgumentException("deadCodeThreshold and kmeansIterations must be >= 0");
        }
    }

    /** K=256 codes of width 32: the default scene tokenizer's quantizer. */
    public static QuantizerConfig standard() {
        return new QuantizerConfig(256, 32, 0.25, 0.99, 1.0, 10);
    }

    /** A 16-code, width-8 quantizer for fast tests. */
    public static QuantizerConfig tiny() {
        return new QuantizerConfig(16, 8, 0.25, 0.9, 0.5, 5);
    }
}
