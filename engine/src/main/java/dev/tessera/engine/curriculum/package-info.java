/**
 * Pretraining as stages you compose. A {@link dev.tessera.engine.curriculum.Stage} says where its
 * weights start and how it trains them (tasks and weights, parameter groups, schedule, budget,
 * scenes); a {@link dev.tessera.engine.curriculum.Curriculum} is stages in order, saved as JSON; the
 * {@link dev.tessera.engine.curriculum.CurriculumRunner} trains them back to back with one
 * checkpoint per stage, resumes mid-stage with identical losses, and refuses bad curricula before
 * the first step. The papers this serves pretrain in stages too: UniCode (arXiv 2403.09072) aligns
 * its codebook and then instruction-tunes with the tokenizer frozen; TEAL (arXiv 2311.04589) tunes a
 * frozen language model's projections, then its embeddings, biases and norms.
 */
package dev.tessera.engine.curriculum;
