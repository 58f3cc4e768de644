/**
 * The decoder-only transformer over the shared vocabulary, and what trains and runs it: the
 * model, its named parameters, AdamW with saved moments, the sequence loss and its weighting,
 * and token-by-token decoding with a key/value cache, sampling and classifier-free guidance.
 *
 * <p>{@link dev.tessera.engine.lm.UnifiedTransformer} is written from tensor primitives over a
 * {@link dev.tessera.engine.lm.ParameterSet} of plain named arrays rather than DJL blocks, so the
 * optimizer state of every weight can be saved and restored exactly and a resumed training takes
 * the very steps an uninterrupted one would. Image ids get their vectors in one of two ways
 * ({@link dev.tessera.engine.lm.EmbeddingMode}): UniCode's unified codebook, where the image rows
 * of the embedding are the image tokenizer's codebook (arXiv 2403.09072), or TEAL's joint
 * embedding, a separate learned image embedding and output matrix beside possibly frozen text
 * rows (arXiv 2311.04589). {@link dev.tessera.engine.lm.Decoder} continues a batch of prompts
 * with a {@link dev.tessera.engine.lm.KvCache}, allowing at each step only the ids that keep the
 * output parseable.
 */
package dev.tessera.engine.lm;
