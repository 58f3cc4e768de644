package dev.tessera.engine.unified;

import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.tokenize.Familiarity;
import dev.tessera.engine.vocab.MixedSequence;

/**
 * The caption the model wrote for an image, with the whole sequence it read and wrote, and whether
 * the image is like the scenes the model learned from ({@link Familiarity}, judged by how well the
 * model's image tokenizer reconstructs it). For an unfamiliar image {@link #reply()} is the notice,
 * not the model's words: those are a guess about a blur.
 */
public record Caption(RgbImage image, String text, MixedSequence sequence, Familiarity familiarity) {

    public Caption {
        if (familiarity == null) {
            familiarity = Familiarity.Calibration.NONE.judge(Double.NaN);
        }
    }

    /** A caption whose tokenizer has no calibration. */
    public Caption(RgbImage image, String text, MixedSequence sequence) {
        this(image, text, sequence, null);
    }

    /** What to show a user: the caption, or for an unfamiliar image the notice. */
    public String reply() {
        return familiarity.outside() ? familiarity.modelNotice() : text;
    }
}
