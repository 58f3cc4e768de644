/**
 * The unified model: one small transformer that captions an image, answers a question about it
 * and draws an image for a prompt, all by continuing one sequence of shared-vocabulary ids.
 * Understanding and generation are one next-token model, as in UniCode (arXiv 2403.09072) and
 * ILLUME (arXiv 2412.06673), here at the scale of synthetic scenes so that it trains on a CPU.
 *
 * <p>{@link dev.tessera.engine.unified.UnifiedModels} is the front door (one call per magic);
 * {@link dev.tessera.engine.unified.UnifiedModel} holds the text tokenizer, the image tokenizer,
 * the vocabulary and the transformer; {@link dev.tessera.engine.unified.UnifiedTrainer} trains it
 * on the three tasks at once and {@link dev.tessera.engine.unified.UnifiedCheckpoint} stores it,
 * completely enough to resume bit for bit. {@link dev.tessera.engine.unified.UnifiedEvaluation}
 * and {@link dev.tessera.engine.unified.GenerationEvaluation} (text-to-image judged GenEval-style) score it on held-out scenes, and
 * {@link dev.tessera.engine.unified.Evaluations} scores several checkpoints side by side. Unlike
 * ILLUME's self-enhancing alignment, where the model assesses its own images, drawn images are
 * scored by an independent {@link dev.tessera.engine.judge.SceneJudge} that never trains the
 * generator.
 */
package dev.tessera.engine.unified;
