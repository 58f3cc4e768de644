/**
 * Data: synthetic scenes with exact labels (shape, colour, count, position, size), the default
 * data of every experiment; and readers of real labelled images (MNIST, Fashion-MNIST from
 * their IDX files, folders of image files) returning {@link dev.tessera.engine.data.LabelledImages}.
 */
package dev.tessera.engine.data;
