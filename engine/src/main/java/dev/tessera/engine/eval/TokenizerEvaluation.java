package dev.tessera.engine.eval;

import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.quantize.Codebooks;
import dev.tessera.engine.tokenize.ImageTokenizer;
import dev.tessera.engine.tokenize.ImageTokens;

import java.util.List;

/** Measures a tokenizer on a list of images: round-trip quality and codebook usage. */
public final class TokenizerEvaluation {

    private static final int BATCH = 64;

    private TokenizerEvaluation() {
    }

    /** Encodes and decodes {@code images} in batches and reports PSNR, MSE and code usage. */
    public static <T extends ImageTokens> ReconstructionReport evaluate(ImageTokenizer<T> tokenizer, List<RgbImage> images) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("evaluation needs at least one image");
        }
        double psnr = 0;
        double mse = 0;
        long[] usage = null;
        int k = 0;
        for (int from = 0; from < images.size(); from += BATCH) {
            List<RgbImage> batch = images.subList(from, Math.min(images.size(), from + BATCH));
            List<T> grids = tokenizer.encode(batch);
            List<RgbImage> recon = tokenizer.decode(grids);
            for (int i = 0; i < batch.size(); i++) {
                double e = ImageMetrics.mse(batch.get(i), recon.get(i));
                mse += e;
                psnr += ImageMetrics.psnrFromMse(e);
                ImageTokens g = grids.get(i);
                if (usage == null) {
                    k = g.codebookSize();
                    usage = new long[k];
                }
                for (int id : g.ids()) {
                    usage[id]++;
                }
            }
        }
        int used = 0;
        for (long u : usage) {
            used += u > 0 ? 1 : 0;
        }
        int n = images.size();
        return new ReconstructionReport(n, psnr / n, mse / n, used, k, Codebooks.perplexity(usage));
    }
}
