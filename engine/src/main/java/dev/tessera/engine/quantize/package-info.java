/**
 * Quantizers that turn continuous vectors into discrete codes, and the codebook arithmetic behind them.
 */
package dev.tessera.engine.quantize;
