/**
 * ILLUME's semantic image encoder (arXiv 2412.06673) at the scale of Tessera's scenes: a small
 * convolutional encoder trained without any caption or question label, contrastively on two views
 * of the same scene, whose features a semantic grid tokenizer
 * ({@link dev.tessera.engine.tokenize.TokenizerConfig#semantic()}) learns to reconstruct from its
 * codes.
 */
package dev.tessera.engine.semantic;
