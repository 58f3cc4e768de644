package dev.tessera.engine.unified;

import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.tokenize.Familiarity;
import dev.tessera.engine.vocab.MixedSequence;

/**
 * The model's answer to a question about an image, with the whole sequence, and whether the image
 * is like the scenes the model learned from (as in {@link Caption}).
 */
public record Answer(RgbImage image, String question, String text, MixedSequence sequence, Familiarity familiarity) {

    public Answer {
        if (familiarity == null) {
            familiarity = Familiarity.Calibration.NONE.judge(Double.NaN);
        }
    }

    /** An answer whose tokenizer has no calibration. */
    public Answer(RgbImage image, String question, String text, MixedSequence sequence) {
        this(image, question, text, sequence, null);
    }

    /** What to show a user: the answer, or for an unfamiliar image the notice. */
    public String reply() {
        return familiarity.outside() ? familiarity.modelNotice() : text;
    }
}
