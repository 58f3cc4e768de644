/**
 * Metrics: reconstruction quality (MSE, PSNR, SSIM) and codebook usage.
 */
package dev.tessera.engine.eval;
