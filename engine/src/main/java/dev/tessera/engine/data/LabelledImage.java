package dev.tessera.engine.data;

import dev.tessera.engine.image.RgbImage;

/**
 * One image of a real data set with its class.
 *
 * @param image     the picture, RGB in [0, 1] (grey data sets repeat the grey in all channels)
 * @param label     the class index into {@link LabelledImages#classes()}, or {@link #UNLABELLED}
 * @param labelName the class name, e.g. "Sneaker"; empty when unlabelled
 * @param source    where the image came from, e.g. "Fashion-MNIST test #17" or a file path
 */
public record LabelledImage(RgbImage image, int label, String labelName, String source) {

    /** The label of an image from a folder without class subfolders. */
    public static final int UNLABELLED = -1;

    public LabelledImage {
        if (label < UNLABELLED) {
            throw new IllegalArgumentException("label must be a class index >= 0 or UNLABELLED (-1), got " + label);
        }
        if ((label == UNLABELLED) != labelName.isEmpty()) {
            throw new IllegalArgumentException("an unlabelled image has an empty label name and a labelled one a non-empty name, got "
                    + label + " '" + labelName + "'");
        }
    }

    /** Whether the image has a class. */
    public boolean isLabelled() {
        return label != UNLABELLED;
    }
}
