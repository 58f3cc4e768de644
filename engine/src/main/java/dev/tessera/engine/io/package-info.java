/**
 * Files: safe image reading, atomic files and checkpoint folders, JSON, and the exchange of
 * arrays (codebooks, token sequences) with Python tools as {@code .npy} and {@code .safetensors}.
 *
 * <p>Checkpoints are trusted on any machine by three guarantees: a write is all or nothing, even
 * under {@code kill -9} ({@link dev.tessera.engine.io.AtomicDirectory}); every file's SHA-256 is
 * recorded and checked before loading ({@link dev.tessera.engine.io.CheckpointHashes}); configs
 * are read strictly and never by class name ({@link dev.tessera.engine.io.Json}).
 */
package dev.tessera.engine.io;
