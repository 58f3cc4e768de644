/**
 * Synthetic scenes with exact labels (shape, colour, count, position, size): the default data of every experiment.
 */
package dev.tessera.engine.data;
