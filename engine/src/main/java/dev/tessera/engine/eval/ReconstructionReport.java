package dev.tessera.engine.eval;

/**
 * How well a tokenizer reconstructs a held-out set and how it uses its codebook.
 *
 * @param images       how many images were measured
 * @param meanPsnr     mean of per-image PSNR, dB
 * @param meanMse      mean of per-image MSE
 * @param usedCodes    codes chosen at least once
 * @param codebookSize K
 * @param perplexity   {@code exp(entropy)} of code usage: the effective number of codes
 */
public record ReconstructionReport(int images, double meanPsnr, double meanMse, int usedCodes,
                                   int codebookSize, double perplexity) {

    /** Fraction of codes used at least once. */
    public double utilization() {
        return (double) usedCodes / codebookSize;
    }

    @Override
    public String toString() {
        return String.format("%d images: PSNR %.2f dB, MSE %.5f, codes used %d/%d (%.1f%%), perplexity %.1f",
                images, meanPsnr, meanMse, usedCodes, codebookSize, 100 * utilization(), perplexity);
    }
}
