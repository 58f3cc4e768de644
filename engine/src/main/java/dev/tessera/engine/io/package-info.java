/**
 * Files: safe image reading, atomic files and checkpoint folders, JSON, and the exchange of
 * arrays (codebooks, token sequences) with Python tools as {@code .npy} and {@code .safetensors}.
 */
package dev.tessera.engine.io;
