package dev.tessera.engine.unified;

import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.vocab.MixedSequence;

/** The model's answer to a question about an image, with the whole sequence. */
public record Answer(RgbImage image, String question, String text, MixedSequence sequence) {
}
