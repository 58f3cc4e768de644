package dev.tessera.engine.unified;

import dev.tessera.engine.lm.EmbeddingMode;
import dev.tessera.engine.lm.ImageStacking;
import dev.tessera.engine.lm.TransformerConfig;

/**
 * What a unified model is: its transformer, how image ids are embedded, which image tokenizer
 * writes its image ids, the scenes it learns from, and the size of its text vocabulary.
 *
 * @param transformer    the decoder's shape
 * @param embedding      UniCode unified codebook or TEAL joint embedding
 * @param freezeText     keep the special and text embedding rows fixed (TEAL)
 * @param imageTokenizer a shipped tokenizer name: a grid one (e.g. {@code vq-shapes32}) or the SeTok {@code setok-shapes32}, whose images are variable-length spans the model reads but does not write
 * @param minObjects     fewest objects per training scene
 * @param maxObjects     most objects per training scene
 * @param textVocabSize  byte-level BPE vocabulary size (>= 256)
 * @param corpusScenes   scenes whose captions and questions train the text tokenizer
 * @param textCorpus     what else trains the text tokenizer: {@value #SCENES} (nothing else; null in
 *                       older checkpoints means this) or {@value #FORTUNES} (also the real English of
 *                       {@link dev.tessera.engine.text.TextCorpus#fortunes()}, for TEAL's text stage)
 * @param stacking       how a residual tokenizer's levels enter the model: flat (one position per id;
 *                       null in older checkpoints means this) or stacked (one summed position per grid
 *                       position, levels predicted by a depth transformer; {@link ImageStacking})
 */
public record UnifiedConfig(TransformerConfig transformer, EmbeddingMode embedding, boolean freezeText,
                            String imageTokenizer, int minObjects, int maxObjects, int textVocabSize, int corpusScenes,
                            String textCorpus, ImageStacking stacking) {

    /** Only the scenes' text trains the text tokenizer. */
    public static final String SCENES = "scenes";
    /** The scenes' text and Debian's fortunes train the text tokenizer. */
    public static final String FORTUNES = "scenes+fortunes";
    /** The ILLUME presets' context: two 64-id images with their brackets, an instruction and a tag fit. */
    public static final int ILLUME_CONTEXT = 192;

    public UnifiedConfig {
        if (textCorpus == null) {
            textCorpus = SCENES;
        }
        if (stacking == null) {
            stacking = ImageStacking.flat();
        }
        if (!textCorpus.equals(SCENES) && !textCorpus.equals(FORTUNES)) {
            throw new IllegalArgumentException("textCorpus must be " + SCENES + " or " + FORTUNES + ", got '" + textCorpus + "'");
        }
        if (transformer == null || embedding == null || imageTokenizer == null || imageTokenizer.isBlank()) {
            throw new IllegalArgumentException("transformer, embedding and imageTokenizer are required");
        }
        if (minObjects < 1 || maxObjects > 4 || minObjects > maxObjects) {
            throw new IllegalArgumentException("object counts must satisfy 1 <= min <= max <= 4, got min=" + minObjects
                    + " max=" + maxObjects);
        }
        if (textVocabSize < 256 || textVocabSize > 65536) {
            throw new IllegalArgumentException("textVocabSize must be in 256..65536, got " + textVocabSize);
        }
        if (corpusScenes < 1) {
            throw new IllegalArgumentException("corpusScenes must be >= 1, got " + corpusScenes);
        }
    }

    /** A model with flat image positions (every model before stacking). */
    public UnifiedConfig(TransformerConfig transformer, EmbeddingMode embedding, boolean freezeText, String imageTokenizer,
                         int minObjects, int maxObjects, int textVocabSize, int corpusScenes, String textCorpus) {
        this(transformer, embedding, freezeText, imageTokenizer, minObjects, maxObjects, textVocabSize, corpusScenes,
                textCorpus, ImageStacking.flat());
    }

    /**
     * The shipped CPU model: width 192, 4 layers, TEAL's joint embedding over fsq-shapes32, scenes
     * of 1-3 objects. (UniCode's tied codebook cannot score FSQ's 1000 codes apart: {@link EmbeddingMode}.)
     */
    public static UnifiedConfig small() {
        return new UnifiedConfig(TransformerConfig.small(), EmbeddingMode.JOINT_EMBEDDING, false, "fsq-shapes32", 1, 3,
                512, 2000, SCENES);
    }

    /** Width 32, 2 layers over the same tokenizer and data: trains in seconds, for tests and demos. */
    public static UnifiedConfig tiny() {
        return new UnifiedConfig(TransformerConfig.tiny(), EmbeddingMode.JOINT_EMBEDDING, false, "fsq-shapes32", 1, 3,
                512, 300, SCENES);
    }

    /**
     * UniCode's unified codebook (arXiv 2403.09072) at the shipped model's size: the image table is
     * the codebook of {@code vq-shapes32} (256 codes of width 32, through a learned projection to
     * width 192), so the tokenizer and the model can be aligned ({@link CodebookAlignment}).
     */
    public static UnifiedConfig smallUnicode() {
        return new UnifiedConfig(TransformerConfig.small(), EmbeddingMode.UNIFIED_CODEBOOK, false, "vq-shapes32", 1, 3,
                512, 2000, SCENES);
    }

    /** {@link #smallUnicode()} on the tiny transformer: trains in seconds, for tests. */
    public static UnifiedConfig tinyUnicode() {
        return new UnifiedConfig(TransformerConfig.tiny(), EmbeddingMode.UNIFIED_CODEBOOK, false, "vq-shapes32", 1, 3,
                512, 300, SCENES);
    }

    /**
     * TEAL's recipe at small scale (arXiv 2311.04589): the shipped model's width and depth with a
     * context of 128 and a 1024-id BPE trained on the scenes' text and Debian's fortunes, so a text
     * stage can teach it real English before its language part is frozen (the teal curriculum).
     */
    public static UnifiedConfig smallTeal() {
        return new UnifiedConfig(TransformerConfig.small().withContext(128), EmbeddingMode.JOINT_EMBEDDING, false,
                "fsq-shapes32", 1, 3, 1024, 2000, FORTUNES);
    }

    /** {@link #smallTeal()} on the tiny transformer with a 512-id BPE: for tests. */
    public static UnifiedConfig tinyTeal() {
        return new UnifiedConfig(TransformerConfig.tiny().withContext(128), EmbeddingMode.JOINT_EMBEDDING, false,
                "fsq-shapes32", 1, 3, 512, 300, FORTUNES);
    }

    /**
     * ILLUME's recipe at small scale (arXiv 2412.06673): {@link #smallTeal()}'s model, whose
     * text-first checkpoint {@code teal-text} plays the pretrained language model the three stages
     * start from, with a context of {@value #ILLUME_CONTEXT}, room for a task that reads one image
     * and writes another (regenerating, editing); the shipped checkpoint's 128 positions grow when
     * the first stage starts ({@link UnifiedModel#withContext}).
     */
    public static UnifiedConfig smallIllume() {
        return smallTeal().withTransformer(smallTeal().transformer().withContext(ILLUME_CONTEXT));
    }

    /** {@link #smallIllume()} on the tiny transformer: for tests. */
    public static UnifiedConfig tinyIllume() {
        return tinyTeal().withTransformer(tinyTeal().transformer().withContext(ILLUME_CONTEXT));
    }

    /**
     * UniCode's stacked quantization (arXiv 2403.09072) read as RQ-Transformer does (arXiv 2203.01941)
     * at the shipped model's size: the residual tokenizer {@code rvq<depth>-shapes32} (8x8 positions of
     * {@code depth} levels of 256 codes), each grid position one summed position, so an image costs
     * the same 64 positions as {@link #small()}'s FSQ image; a 2-block depth transformer predicts
     * each position's levels.
     */
    public static UnifiedConfig smallStacked(int depth) {
        return small().withImageTokenizer(residualTokenizer(depth)).withStacking(ImageStacking.stacked());
    }

    /** {@link #smallStacked} on the tiny transformer: for tests and demos. */
    public static UnifiedConfig tinyStacked(int depth) {
        return tiny().withImageTokenizer(residualTokenizer(depth)).withStacking(ImageStacking.stacked());
    }

    /**
     * SeTok's dynamic tokens (arXiv 2406.05127) read by the shipped model's transformer: the image
     * tokenizer is {@code setok-shapes32}, so an image is a variable-length span of a content code
     * and a centre id per token rather than 64 grid ids. Such a model captions and answers; it does
     * not write images.
     */
    public static UnifiedConfig smallSetok() {
        return small().withImageTokenizer(SETOK_TOKENIZER);
    }

    /** {@link #smallSetok} on the tiny transformer: for tests and demos. */
    public static UnifiedConfig tinySetok() {
        return tiny().withImageTokenizer(SETOK_TOKENIZER);
    }

    /** The shipped SeTok tokenizer at the unified model's 32 px. */
    public static final String SETOK_TOKENIZER = "setok-shapes32";

    /**
     * ILLUME's semantic tokens (arXiv 2412.06673) read and written by the shipped model's
     * transformer: the image tokenizer is {@code sem-shapes32}, whose 8x8 grid of 1000 FSQ codes
     * was trained to reconstruct a self-supervised encoder's features rather than pixels (its own
     * decoder draws pixels from the codes), against {@code small}'s pixel-trained
     * {@code fsq-shapes32} with as many codes and positions.
     */
    public static UnifiedConfig smallSemantic() {
        return small().withImageTokenizer(SEMANTIC_TOKENIZER);
    }

    /** {@link #smallSemantic} on the tiny transformer: for tests and demos. */
    public static UnifiedConfig tinySemantic() {
        return tiny().withImageTokenizer(SEMANTIC_TOKENIZER);
    }

    /** The shipped semantic tokenizer at the unified model's 32 px. */
    public static final String SEMANTIC_TOKENIZER = "sem-shapes32";

    private static String residualTokenizer(int depth) {
        if (depth != 2 && depth != 4) {
            throw new IllegalArgumentException("the stacked presets use rvq2-shapes32 or rvq4-shapes32: depth 2 or 4, got "
                    + depth);
        }
        return "rvq" + depth + "-shapes32";
    }

    /** As {@link #small()} on a GPU-sized transformer. */
    public static UnifiedConfig gpu() {
        return new UnifiedConfig(TransformerConfig.gpu(), EmbeddingMode.JOINT_EMBEDDING, false, "fsq-shapes32", 1, 4,
                512, 5000, SCENES);
    }

    public UnifiedConfig withTransformer(TransformerConfig t) {
        return new UnifiedConfig(t, embedding, freezeText, imageTokenizer, minObjects, maxObjects, textVocabSize, corpusScenes,
                textCorpus, stacking);
    }

    public UnifiedConfig withEmbedding(EmbeddingMode mode, boolean freeze) {
        return new UnifiedConfig(transformer, mode, freeze, imageTokenizer, minObjects, maxObjects, textVocabSize, corpusScenes,
                textCorpus, stacking);
    }

    /** This model over another image tokenizer (a shipped name, or a tokenizer checkpoint folder). */
    public UnifiedConfig withImageTokenizer(String name) {
        return new UnifiedConfig(transformer, embedding, freezeText, name, minObjects, maxObjects, textVocabSize, corpusScenes,
                textCorpus, stacking);
    }

    public UnifiedConfig withStacking(ImageStacking s) {
        return new UnifiedConfig(transformer, embedding, freezeText, imageTokenizer, minObjects, maxObjects, textVocabSize,
                corpusScenes, textCorpus, s);
    }
}
