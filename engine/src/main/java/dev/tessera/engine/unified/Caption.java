package dev.tessera.engine.unified;

import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.vocab.MixedSequence;

/** The caption the model wrote for an image, with the whole sequence it read and wrote. */
public record Caption(RgbImage image, String text, MixedSequence sequence) {
}
