/**
 * Ablations: the same recipe trained in several arms (one setting changed) over several seeds,
 * each run measured the same way, with results written as JSON with their provenance. "Best"
 * means ahead of every other arm by more than the spread across seeds ({@link AblationResults}).
 * The shipped ablation is UniCode's codebook-alignment study ({@link Ablations#unicode}).
 */
package dev.tessera.engine.ablation;
