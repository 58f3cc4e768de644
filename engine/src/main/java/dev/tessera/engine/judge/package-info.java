/**
 * An independent judge of scene images: a small classifier trained on synthetic scenes that
 * reads an image's object count, colours, shapes and occupied positions. It only scores images
 * (e.g. those the text-to-image model generates for a prompt) and never trains the generator.
 */
package dev.tessera.engine.judge;
