package dev.tessera.engine.corpus;

import dev.tessera.engine.eval.ImageMetrics;
import dev.tessera.engine.image.Images;
import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.io.ImageFileException;
import dev.tessera.engine.io.ImageFiles;
import dev.tessera.engine.tokenize.GridTokenizer;
import dev.tessera.engine.tokenize.TokenGrid;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Tokenizes a batch of corpus items into {@link TokenizedImage} rows: each file decoded by
 * {@link ImageFiles#read(byte[], String)} (header checked before any pixel, so a decompression bomb
 * is refused), cropped to its centred square and scaled to the tokenizer's side exactly as
 * {@code %tessera tokenize photo.jpg} does, then all readable images of the batch encoded in one
 * call. Whatever goes wrong with one file (unreadable, truncated, too large, not an image) becomes
 * that file's error row; the rest of the batch is unaffected. One code path for the single-JVM run
 * and every Spark task, so both give the same ids for the same batch.
 *
 * <p>Not thread-safe (the tokenizer is not): one per thread.
 */
public final class CorpusTokenizer {

    /** Files per encode call unless told: the tokenizer's passes of 16 times 4. */
    public static final int DEFAULT_BATCH = 64;

    private final GridTokenizer tokenizer;
    private final String checkpoint;
    private final boolean psnr;

    /**
     * @param tokenizer  the grid tokenizer (kept open; the caller closes it)
     * @param checkpoint its weights' SHA-256 ({@link TokenizerRef#checkpointHash()}), written into every row
     * @param psnr       also decode the tokens and measure the reconstruction (about doubles the time)
     */
    public CorpusTokenizer(GridTokenizer tokenizer, String checkpoint, boolean psnr) {
        this.tokenizer = tokenizer;
        this.checkpoint = checkpoint;
        this.psnr = psnr;
    }

    public GridTokenizer tokenizer() {
        return tokenizer;
    }

    /** One row per item, in the items' order. */
    public List<TokenizedImage> tokenize(List<CorpusItem> items) {
        TokenizedImage[] rows = new TokenizedImage[items.size()];
        List<RgbImage> images = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        int[][] sizes = new int[items.size()][];
        for (int i = 0; i < items.size(); i++) {
            CorpusItem item = items.get(i);
            if (item.readError() != null) {
                rows[i] = failed(item, item.readError());
                continue;
            }
            try {
                BufferedImage decoded = ImageFiles.read(item.content(), item.source());
                sizes[i] = new int[] {decoded.getWidth(), decoded.getHeight()};
                images.add(Images.fromBuffered(Images.centreSquare(decoded, tokenizer.imageSize())));
                at.add(i);
            } catch (ImageFileException e) {
                rows[i] = failed(item, e.getMessage());
            } catch (OutOfMemoryError e) {
                rows[i] = failed(item, item.source() + " did not fit in memory once decoded (" + e.getMessage()
                        + "); downscale it or give the workers more memory");
            }
        }
        if (!images.isEmpty()) {
            List<TokenGrid> grids = tokenizer.encode(images);
            List<RgbImage> recon = psnr ? tokenizer.decode(grids) : null;
            for (int j = 0; j < grids.size(); j++) {
                int i = at.get(j);
                TokenGrid g = grids.get(j);
                double db = recon == null ? Double.NaN : ImageMetrics.psnr(images.get(j), recon.get(j));
                rows[i] = new TokenizedImage(items.get(i).source(), sizes[i][0], sizes[i][1], tokenizer.name(), checkpoint,
                        g.rows(), g.depth(), g.ids(), db, items.get(i).caption(), null);
            }
        }
        return List.of(rows);
    }

    private TokenizedImage failed(CorpusItem item, String why) {
        return TokenizedImage.failed(item.source(), tokenizer.name(), checkpoint, item.caption(), why);
    }
}
