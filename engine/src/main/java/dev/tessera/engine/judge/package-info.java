/**
 * An independent judge of scene images: a small object detector trained on synthetic scenes
 * that lists every object of an image with its colour, shape and centre, so that counts, colour
 * attribution and relations can be judged. It only scores images (e.g. those the text-to-image
 * model generates for a prompt, as GenEval scores with a detector) and never trains a generator.
 */
package dev.tessera.engine.judge;
