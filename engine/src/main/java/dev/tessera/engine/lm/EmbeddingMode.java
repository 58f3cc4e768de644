package dev.tessera.engine.lm;

/**
 * How image ids get their vectors (METHODS.md).
 * <ul>
 *   <li>{@link #UNIFIED_CODEBOOK} (UniCode): the image rows of the token embedding ARE the
 *       image tokenizer's codebook, through a learned projection when the code width differs
 *       from the model width; the same rows score image ids at the output (tied).</li>
 *   <li>{@link #JOINT_EMBEDDING} (TEAL): a separate learned image embedding with a projection
 *       into the model width, and a separate image output matrix, so the text rows can stay
 *       frozen while the model learns images.</li>
 * </ul>
 */
public enum EmbeddingMode {
    UNIFIED_CODEBOOK, JOINT_EMBEDDING
}
