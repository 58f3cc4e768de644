/**
 * The one vocabulary of the unified model: a single id space holding control tokens, the text
 * tokenizer's ids and the image tokenizer's codes, so that one transformer reads and writes
 * both modalities by next-token prediction alone.
 *
 * <p>{@link dev.tessera.engine.vocab.VocabularyLayout} is the pure arithmetic of where each kind
 * of id lives. Following UniCode (arXiv 2403.09072), every level of a residual (stacked)
 * quantizer gets its own block of image ids, so a position-major image span interleaves the
 * levels. {@link dev.tessera.engine.vocab.SharedVocabulary} adds the text tokenizer and the
 * image grid geometry to turn text and token grids into ids, and any id sequence back into a
 * {@link dev.tessera.engine.vocab.MixedSequence} of text runs, images and control tokens,
 * including truncated or malformed generations (kept as incomplete images rather than refused).
 * How image ids get their vectors inside the model is not decided here but in
 * {@link dev.tessera.engine.lm.EmbeddingMode}.
 */
package dev.tessera.engine.vocab;
