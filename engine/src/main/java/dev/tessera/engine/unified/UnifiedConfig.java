package dev.tessera.engine.unified;

import dev.tessera.engine.lm.EmbeddingMode;
import dev.tessera.engine.lm.TransformerConfig;

/**
 * What a unified model is: its transformer, how image ids are embedded, which image tokenizer
 * writes its image ids, the scenes it learns from, and the size of its text vocabulary.
 *
 * @param transformer    the decoder's shape
 * @param embedding      UniCode unified codebook or TEAL joint embedding
 * @param freezeText     keep the special and text embedding rows fixed (TEAL)
 * @param imageTokenizer a shipped grid tokenizer name (e.g. {@code vq-shapes32})
 * @param minObjects     fewest objects per training scene
 * @param maxObjects     most objects per training scene
 * @param textVocabSize  byte-level BPE vocabulary size (>= 256)
 * @param corpusScenes   scenes whose captions and questions train the text tokenizer
 */
public record UnifiedConfig(TransformerConfig transformer, EmbeddingMode embedding, boolean freezeText,
                            String imageTokenizer, int minObjects, int maxObjects, int textVocabSize, int corpusScenes) {

    public UnifiedConfig {
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

    /**
     * The shipped CPU model: width 192, 4 layers, TEAL's joint embedding over fsq-shapes32, scenes
     * of 1-3 objects. (UniCode's tied codebook cannot score FSQ's 1000 codes apart: {@link EmbeddingMode}.)
     */
    public static UnifiedConfig small() {
        return new UnifiedConfig(TransformerConfig.small(), EmbeddingMode.JOINT_EMBEDDING, false, "fsq-shapes32", 1, 3,
                512, 2000);
    }

    /** Width 32, 2 layers over the same tokenizer and data: trains in seconds, for tests and demos. */
    public static UnifiedConfig tiny() {
        return new UnifiedConfig(TransformerConfig.tiny(), EmbeddingMode.JOINT_EMBEDDING, false, "fsq-shapes32", 1, 3,
                512, 300);
    }

    /**
     * UniCode's unified codebook (arXiv 2403.09072) at the shipped model's size: the image table is
     * the codebook of {@code vq-shapes32} (256 codes of width 32, through a learned projection to
     * width 192), so the tokenizer and the model can be aligned ({@link CodebookAlignment}).
     */
    public static UnifiedConfig smallUnicode() {
        return new UnifiedConfig(TransformerConfig.small(), EmbeddingMode.UNIFIED_CODEBOOK, false, "vq-shapes32", 1, 3,
                512, 2000);
    }

    /** {@link #smallUnicode()} on the tiny transformer: trains in seconds, for tests. */
    public static UnifiedConfig tinyUnicode() {
        return new UnifiedConfig(TransformerConfig.tiny(), EmbeddingMode.UNIFIED_CODEBOOK, false, "vq-shapes32", 1, 3,
                512, 300);
    }

    /** As {@link #small()} on a GPU-sized transformer. */
    public static UnifiedConfig gpu() {
        return new UnifiedConfig(TransformerConfig.gpu(), EmbeddingMode.JOINT_EMBEDDING, false, "fsq-shapes32", 1, 4,
                512, 5000);
    }

    public UnifiedConfig withTransformer(TransformerConfig t) {
        return new UnifiedConfig(t, embedding, freezeText, imageTokenizer, minObjects, maxObjects, textVocabSize, corpusScenes);
    }

    public UnifiedConfig withEmbedding(EmbeddingMode mode, boolean freeze) {
        return new UnifiedConfig(transformer, mode, freeze, imageTokenizer, minObjects, maxObjects, textVocabSize, corpusScenes);
    }
}
