/**
 * Metrics: reconstruction quality and codebook usage.
 */
package dev.tessera.engine.eval;
