package dev.tessera.engine.lm;

import java.util.Locale;

/**
 * How image ids get their vectors: UniCode's unified codebook (arXiv 2403.09072) or TEAL's joint embedding (arXiv 2311.04589).
 * <ul>
 *   <li>{@link #UNIFIED_CODEBOOK} (UniCode): the image rows of the token embedding ARE the
 *       image tokenizer's codebook, through a learned projection when the code width differs
 *       from the model width; the same rows score image ids at the output (tied). The output
 *       can then only be as expressive as the codebook is wide: a VQ codebook of 32-wide vectors
 *       gives image logits of rank 33, but FSQ's implicit codes are an affine image of a
 *       4-dimensional grid, so over an FSQ tokenizer every image logit is a linear function of a
 *       code's 4 grid coordinates: it can favour codes at the grid's edges, never single out one
 *       inside it (measured: image NLL near the codes' marginal, 3.8 nats, after 2800 steps;
 *       README).</li>
 *   <li>{@link #JOINT_EMBEDDING} (TEAL): a separate learned image embedding with a projection
 *       into the model width, and a separate image output matrix, so the text rows can stay
 *       frozen while the model learns images. Works with any tokenizer; the presets use it.</li>
 * </ul>
 */
public enum EmbeddingMode {
    UNIFIED_CODEBOOK, JOINT_EMBEDDING;

    /** The name settings and the command line use: {@code unified-codebook}, {@code joint-embedding}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The mode named {@code text} as {@link #id()} writes it, or a clear error listing the names. */
    public static EmbeddingMode parse(String text) {
        for (EmbeddingMode m : values()) {
            if (m.id().equals(text)) {
                return m;
            }
        }
        throw new IllegalArgumentException("embedding must be unified-codebook (UniCode) or joint-embedding (TEAL), got '"
                + text + "'");
    }
}
