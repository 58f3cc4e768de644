/**
 * The Tessera engine: tokenizers, vocabulary, models, training, metrics and data, usable from plain Java. Start at {@link dev.tessera.engine.Tessera}.
 */
package dev.tessera.engine;
