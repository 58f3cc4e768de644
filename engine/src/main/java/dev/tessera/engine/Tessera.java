package dev.tessera.engine;

import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.eval.ImageMetrics;
import dev.tessera.engine.image.ImageSource;
import dev.tessera.engine.image.Images;
import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.io.ImageFiles;
import dev.tessera.engine.tokenize.TokenGrid;
import dev.tessera.engine.tokenize.TokenizeResult;
import dev.tessera.engine.tokenize.TokenizerCheckpoint;
import dev.tessera.engine.tokenize.GridTokenizer;

import java.nio.file.Path;

/**
 * The front door of the engine: one call per thing a notebook user does. Everything here is
 * plain Java; the {@code %tessera} magics are each one call of this class.
 *
 * <pre>{@code
 * TokenizeResult r = Tessera.tokenize(ImageSource.parse("sample:3"));
 * System.out.println(r.tokens() + " PSNR " + r.psnr());
 * }</pre>
 */
public final class Tessera {

    private static GridTokenizer defaultTokenizer;

    private Tessera() {
    }

    /** The shipped default tokenizer ({@value TokenizerCheckpoint#DEFAULT}), loaded once and kept. */
    public static synchronized GridTokenizer tokenizer() {
        if (defaultTokenizer == null) {
            defaultTokenizer = TokenizerCheckpoint.pretrained(TokenizerCheckpoint.DEFAULT, GridTokenizer.class);
        }
        return defaultTokenizer;
    }

    /** Held-out scene number {@code index} at the given side (64 unless told). */
    public static Scene sample(int index, int size) {
        return new SceneGenerator(SceneConfig.heldOut64().withSize(size)).scene(index);
    }

    /** Loads an image from a source, resized to {@code size} by {@link Images#centreSquare}. */
    public static RgbImage load(ImageSource source, int size) {
        if (source instanceof ImageSource.Sample s) {
            return sample(s.index(), size).image();
        }
        return Images.fromBuffered(Images.centreSquare(ImageFiles.read(((ImageSource.File) source).path()), size));
    }

    /** Tokenizes an image from {@code source} with the default tokenizer. */
    public static TokenizeResult tokenize(ImageSource source) {
        return tokenize(source, tokenizer());
    }

    /**
     * Tokenizes an image from {@code source} with the default tokenizer, checking that it
     * takes {@code size}px images (the size a user asked for). The image is read first, so a
     * bad file is reported before any model loads.
     */
    public static TokenizeResult tokenize(ImageSource source, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("--size must be a positive number of pixels, got " + size);
        }
        RgbImage input = load(source, size);
        GridTokenizer t = tokenizer();
        if (size != t.imageSize()) {
            throw new IllegalArgumentException("no shipped tokenizer takes " + size + "px images; "
                    + t.name() + " takes " + t.imageSize() + " (use --size " + t.imageSize() + ")");
        }
        return tokenize(source.toString(), input, t);
    }

    /** Tokenizes an image from {@code source} with {@code tokenizer}, reporting its reconstruction. */
    public static TokenizeResult tokenize(ImageSource source, GridTokenizer tokenizer) {
        return tokenize(source.toString(), load(source, tokenizer.imageSize()), tokenizer);
    }

    private static TokenizeResult tokenize(String source, RgbImage input, GridTokenizer tokenizer) {
        TokenGrid grid = tokenizer.encode(input);
        RgbImage recon = tokenizer.decode(grid);
        return new TokenizeResult(source, tokenizer.name(), input, grid, recon, ImageMetrics.psnr(input, recon));
    }

    /** Tokenizes an image file. */
    public static TokenizeResult tokenize(Path imageFile) {
        return tokenize(new ImageSource.File(imageFile));
    }
}
