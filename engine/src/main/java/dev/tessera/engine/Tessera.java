package dev.tessera.engine;

import dev.tessera.engine.data.EvaluationSet;
import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.tokenize.Familiarity;
import dev.tessera.engine.eval.CodebookReport;
import dev.tessera.engine.eval.Comparison;
import dev.tessera.engine.eval.ImageMetrics;
import dev.tessera.engine.eval.Ssim;
import dev.tessera.engine.eval.TokenizerComparison;
import dev.tessera.engine.eval.TokenizerEvaluation;
import dev.tessera.engine.image.ImageSource;
import dev.tessera.engine.image.Images;
import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.io.ImageFiles;
import dev.tessera.engine.quantize.FsqConfig;
import dev.tessera.engine.runtime.StartupTimings;
import dev.tessera.engine.runtime.TesseraRuntime;
import dev.tessera.engine.tokenize.GridTokenizer;
import dev.tessera.engine.tokenize.ImageTokenizer;
import dev.tessera.engine.tokenize.ImageTokens;
import dev.tessera.engine.tokenize.TokenGrid;
import dev.tessera.engine.tokenize.TokenizeResult;
import dev.tessera.engine.tokenize.TokenizerCheckpoint;
import dev.tessera.engine.tokenize.TrainableTokenizer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The front door of the engine: one call per thing a notebook user does. Everything here is
 * plain Java; each {@code %tessera} magic is one call of this class.
 *
 * <pre>{@code
 * TokenizeResult r = Tessera.tokenize(ImageSource.parse("sample:3"), 64, "rvq-shapes64");
 * System.out.println(r.tokens() + " PSNR " + r.psnr());
 * }</pre>
 */
public final class Tessera {

    /** Codes drawn in a codebook atlas at most. */
    public static final int ATLAS_LIMIT = 1024;

    private static final Map<String, TrainableTokenizer<?>> SHIPPED = new HashMap<>();

    private Tessera() {
    }

    /** The shipped default tokenizer ({@value TokenizerCheckpoint#DEFAULT}), loaded once and kept. */
    public static GridTokenizer tokenizer() {
        return (GridTokenizer) tokenizer(TokenizerCheckpoint.DEFAULT);
    }

    /** A shipped tokenizer by name (see {@link TokenizerCheckpoint#SHIPPED}), loaded once and kept. */
    public static synchronized TrainableTokenizer<?> tokenizer(String name) {
        TrainableTokenizer<?> t = SHIPPED.get(name);
        if (t == null) {
            TesseraRuntime.engine();
            long started = System.nanoTime();
            t = TokenizerCheckpoint.pretrained(name);
            SHIPPED.put(name, t);
            StartupTimings.first("tokenizer " + name + " load", started);
        }
        return t;
    }

    /** Held-out scene number {@code index} at the given side (64 unless told). */
    public static Scene sample(int index, int size) {
        return new SceneGenerator(SceneConfig.heldOut64().withSize(size)).scene(index);
    }

    /** Loads an image from a source, resized to {@code size} by {@link Images#centreSquare}. */
    public static RgbImage load(ImageSource source, int size) {
        Images.checkSide(size);
        if (source instanceof ImageSource.Sample s) {
            return sample(s.index(), size).image();
        }
        return Images.fromBuffered(Images.centreSquare(ImageFiles.read(((ImageSource.File) source).path()), size));
    }

    /** Tokenizes an image from {@code source} with the default tokenizer. */
    public static TokenizeResult tokenize(ImageSource source) {
        return tokenize(source, tokenizer());
    }

    /** Tokenizes an image file with the default tokenizer. */
    public static TokenizeResult tokenize(Path imageFile) {
        return tokenize(new ImageSource.File(imageFile));
    }

    /**
     * Tokenizes an image from {@code source} with the shipped tokenizer {@code name}, checking
     * that it takes {@code size}px images (the size a user asked for). The image is read
     * first, so a bad file is reported before any model loads.
     */
    public static TokenizeResult tokenize(ImageSource source, int size, String name) {
        RgbImage input = load(source, size);
        TrainableTokenizer<?> t = tokenizer(name);
        if (size != t.imageSize()) {
            throw new IllegalArgumentException("tokenizer " + t.name() + " takes " + t.imageSize() + "px images, not "
                    + size + " (use --size " + t.imageSize() + ")");
        }
        return tokenize(source.toString(), input, t);
    }

    /** Tokenizes an image from {@code source} with {@code tokenizer}, reporting its reconstruction. */
    public static TokenizeResult tokenize(ImageSource source, ImageTokenizer<?> tokenizer) {
        return tokenize(source.toString(), load(source, tokenizer.imageSize()), tokenizer);
    }

    /** Tokenizes an image already in memory (e.g. a generated scene); {@code label} names it in pictures. */
    public static <T extends ImageTokens> TokenizeResult tokenize(String label, RgbImage input, ImageTokenizer<T> t) {
        if (input.width() != t.imageSize() || input.height() != t.imageSize()) {
            input = Images.fromBuffered(Images.centreSquare(Images.toBuffered(input), t.imageSize()));
        }
        long started = System.nanoTime();
        T tokens = t.encode(input);
        RgbImage recon = t.decode(tokens);
        StartupTimings.first("first encode and decode", started);
        List<RgbImage> refinements = new ArrayList<>();
        if (t instanceof GridTokenizer g && g.depth() > 1) {
            for (int level = 1; level <= g.depth(); level++) {
                refinements.add(g.decode((TokenGrid) tokens, level));
            }
        }
        double psnr = ImageMetrics.psnr(input, recon);
        return new TokenizeResult(label, t.name(), t.describe(), input, tokens, recon, refinements, psnr, Ssim.of(input, recon),
                Familiarity.Calibration.of(t).judge(psnr));
    }

    /**
     * The codebook of the shipped tokenizer {@code name}: atlas and usage on {@code images}
     * (1..{@link EvaluationSet#MAX_IMAGES}) held-out scenes.
     */
    public static CodebookReport codebook(String name, int images) {
        return codebook(tokenizer(name), images);
    }

    /** The codebook of {@code tokenizer}: atlas and usage on {@code images} held-out scenes. */
    public static CodebookReport codebook(ImageTokenizer<?> tokenizer, int images) {
        int[] codes = IntStream.range(0, Math.min(tokenizer.codebookSize(), ATLAS_LIMIT)).toArray();
        EvaluationSet set = EvaluationSet.load(EvaluationSet.Source.SCENES, images, tokenizer.imageSize());
        List<Integer> grid = tokenizer instanceof TrainableTokenizer<?> t && t.quantizer().config() instanceof FsqConfig f
                ? java.util.Arrays.stream(f.levels()).boxed().toList() : List.of();
        return new CodebookReport(tokenizer.name(), tokenizer.describe(), tokenizer.decodeCodes(codes),
                TokenizerEvaluation.evaluate(tokenizer, set.images()), grid);
    }

    /**
     * Shipped tokenizers, each named once, side by side on the first {@code images}
     * (1..{@link EvaluationSet#MAX_IMAGES}) images of {@code source}.
     */
    public static Comparison compare(List<String> names, EvaluationSet.Source source, int images) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("name at least one tokenizer to compare; shipped: "
                    + String.join(", ", TokenizerCheckpoint.available()));
        }
        if (new HashSet<>(names).size() != names.size()) {
            throw new IllegalArgumentException("name each tokenizer to compare once, got " + String.join(", ", names));
        }
        List<TrainableTokenizer<?>> ts = names.stream().<TrainableTokenizer<?>>map(Tessera::tokenizer).toList();
        int side = ts.get(0).imageSize();
        for (TrainableTokenizer<?> t : ts) {
            if (t.imageSize() != side) {
                throw new IllegalArgumentException("tokenizers to compare must take one image size: " + ts.get(0).name()
                        + " takes " + side + "px, " + t.name() + " takes " + t.imageSize() + "px");
            }
        }
        return TokenizerComparison.compare(ts, EvaluationSet.load(source, images, side));
    }
}
