package dev.tessera.engine.eval;

import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.tokenize.ImageTokenizer;
import dev.tessera.engine.tokenize.ImageTokens;
import dev.tessera.engine.tokenize.TokenGrid;

import java.util.List;

/** Measures a tokenizer on a list of images: round-trip quality, compression and codebook usage. */
public final class TokenizerEvaluation {

    private static final int BATCH = 64;

    private TokenizerEvaluation() {
    }

    /** Encodes and decodes {@code images} in batches and reports every metric of {@link ReconstructionReport}. */
    public static <T extends ImageTokens> ReconstructionReport evaluate(ImageTokenizer<T> tokenizer, List<RgbImage> images) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("evaluation needs at least one image");
        }
        double psnr = 0;
        double mse = 0;
        double ssim = 0;
        double bits = 0;
        int[] counts = new int[images.size()];
        long[][] usage = null;
        for (int from = 0; from < images.size(); from += BATCH) {
            List<RgbImage> batch = images.subList(from, Math.min(images.size(), from + BATCH));
            List<T> encoded = tokenizer.encode(batch);
            List<RgbImage> recon = tokenizer.decode(encoded);
            for (int i = 0; i < batch.size(); i++) {
                double e = ImageMetrics.mse(batch.get(i), recon.get(i));
                mse += e;
                psnr += ImageMetrics.psnrFromMse(e);
                ssim += Ssim.of(batch.get(i), recon.get(i));
                ImageTokens t = encoded.get(i);
                counts[from + i] = t.count();
                bits += t.bits();
                int depth = t instanceof TokenGrid g ? g.depth() : 1;
                if (usage == null) {
                    usage = new long[depth][t.codebookSize()];
                }
                int[] ids = t.ids();
                for (int j = 0; j < ids.length; j++) {
                    usage[j % depth][ids[j]]++;
                }
            }
        }
        int n = images.size();
        return new ReconstructionReport(psnr / n, mse / n, ssim / n, bits / n, counts, usage);
    }
}
