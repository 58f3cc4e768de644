package dev.tessera.engine.quantize;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Settings of a nearest-code vector quantizer (VQ-VAE; UniCode's tokenizer) with the options
 * the best open tokenizer libraries offer.
 *
 * @param codebookSize      number of codes K, 2..65536
 * @param codeDim           width D of the vectors quantized (the encoder's output width)
 * @param lookupDim         width of the codes themselves; below {@code codeDim} the input is
 *                          projected down before lookup and back up after ("low code width
 *                          with projections", as in ViT-VQGAN); 0 means {@code codeDim}
 * @param update            how codes learn: EMA of assigned vectors, or gradient descent with a codebook loss
 * @param cosine            compare L2-normalised vectors and codes (cosine similarity lookup)
 * @param gradient          how gradients cross the non-differentiable lookup
 * @param beta              commitment weight (0.25 in the VQ-VAE paper and UniCode)
 * @param emaDecay          EMA decay of cluster sizes and sums, in (0, 1); ~0.99 is usual
 * @param deadCodeThreshold a code whose EMA cluster size (assignments per batch) falls below
 *                          this is re-seeded from a recent input; 0 disables restarts
 * @param kmeansIterations  Lloyd iterations on the first batch to initialise the codes; 0 = random rows
 */
public record VqConfig(int codebookSize, int codeDim, int lookupDim, CodebookUpdate update, boolean cosine,
                       GradientEstimator gradient, double beta, double emaDecay, double deadCodeThreshold,
                       int kmeansIterations) implements QuantizerConfig {

    /** How codes learn. */
    public enum CodebookUpdate {
        /** Exponential moving average of the vectors assigned to each code (van den Oord et al. 2017). */
        EMA,
        /** Gradient descent on {@code ||sg(z) - e||^2} (the original VQ-VAE codebook loss). */
        GRADIENT
    }

    /** How gradients pass the lookup. */
    public enum GradientEstimator {
        /** Straight-through: the gradient of the code is copied to the input. */
        STE,
        /** Rotation trick (Fifty et al. 2024): the input is rotated and scaled onto its code, gradients follow the rotation. */
        ROTATION
    }

    public VqConfig {
        if (codebookSize < 2 || codebookSize > 65536) {
            throw new IllegalArgumentException("codebookSize must be in 2..65536, got " + codebookSize);
        }
        if (codeDim < 1) {
            throw new IllegalArgumentException("codeDim must be >= 1, got " + codeDim);
        }
        if (lookupDim < 0 || lookupDim > codeDim) {
            throw new IllegalArgumentException("lookupDim must be in 0..codeDim (" + codeDim + "), got " + lookupDim);
        }
        if (update == null || gradient == null) {
            throw new IllegalArgumentException("update must be one of " + names(CodebookUpdate.values())
                    + " and gradient one of " + names(GradientEstimator.values()));
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
        if (lookupDim == codeDim) {
            lookupDim = 0;
        }
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }

    /** K=256 codes of width 32, EMA, L2, straight-through: the default scene tokenizer's quantizer. */
    public static VqConfig standard() {
        return new VqConfig(256, 32, 0, CodebookUpdate.EMA, false, GradientEstimator.STE, 0.25, 0.99, 1.0, 10);
    }

    /** A 16-code, width-8 quantizer for fast tests. */
    public static VqConfig tiny() {
        return new VqConfig(16, 8, 0, CodebookUpdate.EMA, false, GradientEstimator.STE, 0.25, 0.9, 0.5, 5);
    }

    /** Width of the codes: {@code lookupDim}, or {@code codeDim} when not projected. */
    public int codeWidth() {
        return lookupDim == 0 ? codeDim : lookupDim;
    }

    /** True when inputs are projected to a narrower code width. */
    public boolean projected() {
        return lookupDim != 0;
    }

    @Override
    public int depth() {
        return 1;
    }

    @Override
    public Quantizer create() {
        return new VectorQuantizer(this);
    }

    @Override
    public String describe() {
        return "VQ " + codebookSize + (projected() ? " (d=" + lookupDim + ")" : "") + (cosine ? " cosine" : "")
                + (update == CodebookUpdate.GRADIENT ? " learned" : "") + (gradient == GradientEstimator.ROTATION ? " rotation" : "");
    }

    public VqConfig withCodebookSize(int k) {
        return new VqConfig(k, codeDim, lookupDim, update, cosine, gradient, beta, emaDecay, deadCodeThreshold, kmeansIterations);
    }

    public VqConfig withLookupDim(int d) {
        return new VqConfig(codebookSize, codeDim, d, update, cosine, gradient, beta, emaDecay, deadCodeThreshold, kmeansIterations);
    }

    public VqConfig withUpdate(CodebookUpdate u) {
        return new VqConfig(codebookSize, codeDim, lookupDim, u, cosine, gradient, beta, emaDecay, deadCodeThreshold, kmeansIterations);
    }

    public VqConfig withCosine(boolean c) {
        return new VqConfig(codebookSize, codeDim, lookupDim, update, c, gradient, beta, emaDecay, deadCodeThreshold, kmeansIterations);
    }

    public VqConfig withGradient(GradientEstimator g) {
        return new VqConfig(codebookSize, codeDim, lookupDim, update, cosine, g, beta, emaDecay, deadCodeThreshold, kmeansIterations);
    }

    public VqConfig withCodeDim(int d) {
        return new VqConfig(codebookSize, d, lookupDim, update, cosine, gradient, beta, emaDecay, deadCodeThreshold, kmeansIterations);
    }

    public VqConfig withDeadCodeThreshold(double t) {
        return new VqConfig(codebookSize, codeDim, lookupDim, update, cosine, gradient, beta, emaDecay, t, kmeansIterations);
    }
}
