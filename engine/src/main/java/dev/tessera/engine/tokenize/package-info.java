/**
 * Image tokenizers (image to token grid and back) and their checkpoints.
 */
package dev.tessera.engine.tokenize;
