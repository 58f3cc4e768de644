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

    /**
     * A file made ready for the tokenizer: its decoded, cropped and scaled picture with its own
     * size, or why it cannot be used. Only this small picture is kept, so a caller that prepares
     * files one by one never holds more than one file's bytes.
     *
     * @param source  where it came from
     * @param caption a caption to carry, or null
     * @param image   the picture at the tokenizer's side, or null on error
     * @param width   the file's own width, 0 on error
     * @param height  the file's own height, 0 on error
     * @param error   why it cannot be used, or null
     */
    public record Prepared(String source, String caption, RgbImage image, int width, int height, String error) {
    }

    /** Decodes {@code item} safely and scales it to {@code side} (see the class comment); never throws for a bad file. */
    public static Prepared prepare(CorpusItem item, int side) {
        if (item.readError() != null) {
            return new Prepared(item.source(), item.caption(), null, 0, 0, item.readError());
        }
        try {
            BufferedImage decoded = ImageFiles.read(item.content(), item.source());
            return new Prepared(item.source(), item.caption(), input(decoded, side), decoded.getWidth(), decoded.getHeight(), null);
        } catch (ImageFileException e) {
            return new Prepared(item.source(), item.caption(), null, 0, 0, e.getMessage());
        } catch (OutOfMemoryError e) {
            return new Prepared(item.source(), item.caption(), null, 0, 0, item.source() + " did not fit in memory once decoded ("
                    + e.getMessage() + "); downscale it or give the workers more memory");
        }
    }

    /** One row per item, in the items' order. */
    public List<TokenizedImage> tokenize(List<CorpusItem> items) {
        List<Prepared> prepared = new ArrayList<>(items.size());
        for (CorpusItem item : items) {
            prepared.add(prepare(item, tokenizer.imageSize()));
        }
        return tokenizePrepared(prepared);
    }

    /** One row per prepared file, in their order: every usable picture encoded in one call. */
    public List<TokenizedImage> tokenizePrepared(List<Prepared> prepared) {
        TokenizedImage[] rows = new TokenizedImage[prepared.size()];
        List<RgbImage> images = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < prepared.size(); i++) {
            Prepared p = prepared.get(i);
            if (p.error() != null) {
                rows[i] = TokenizedImage.failed(p.source(), tokenizer.name(), checkpoint, p.caption(), p.error());
            } else {
                images.add(p.image());
                at.add(i);
            }
        }
        if (!images.isEmpty()) {
            List<TokenGrid> grids = tokenizer.encode(images);
            List<RgbImage> recon = psnr ? tokenizer.decode(grids) : null;
            for (int j = 0; j < grids.size(); j++) {
                Prepared p = prepared.get(at.get(j));
                TokenGrid g = grids.get(j);
                double db = recon == null ? Double.NaN : ImageMetrics.psnr(images.get(j), recon.get(j));
                rows[at.get(j)] = new TokenizedImage(p.source(), p.width(), p.height(), tokenizer.name(), checkpoint,
                        g.rows(), g.depth(), g.ids(), db, p.caption(), null);
            }
        }
        return List.of(rows);
    }

    /** What the tokenizer sees of a decoded file: its centred square scaled to {@code side}, as {@code %tessera tokenize} does. */
    public static RgbImage input(BufferedImage decoded, int side) {
        return Images.fromBuffered(Images.centreSquare(decoded, side));
    }
}
