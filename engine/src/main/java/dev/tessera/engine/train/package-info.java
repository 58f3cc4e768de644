/**
 * Training loops, their configurations, progress reporting and stopping.
 */
package dev.tessera.engine.train;
