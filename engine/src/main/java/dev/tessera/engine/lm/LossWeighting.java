package dev.tessera.engine.lm;

import java.util.Locale;

/**
 * How the target tokens of a batch share the training loss. Tasks over one vocabulary have
 * targets of very different lengths: a drawn image is 65 ids, a caption about 8, an answer 2.
 * Averaging over tokens lets the long targets dominate (in the balanced scene mix about 87% of
 * the loss is image ids and 3% answers); averaging over sequences gives every example the same
 * weight, whatever its target's length.
 */
public enum LossWeighting {
    /** Every target token counts the same: the mean NLL over all target tokens of the batch. */
    TOKEN,
    /** Every sequence counts the same: the mean over sequences of each one's mean target NLL. */
    EXAMPLE;

    /** The name settings and the command line use: {@code token}, {@code example}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The weighting named {@code text} as {@link #id()} writes it, or a clear error. */
    public static LossWeighting parse(String text) {
        for (LossWeighting w : values()) {
            if (w.id().equals(text)) {
                return w;
            }
        }
        throw new IllegalArgumentException("loss weighting must be token or example, got '" + text + "'");
    }

    /**
     * Per-position weights of a (batch x length) target {@code mask} of 0/1 values, summing to 1
     * over the target positions (all zero when there are none), so the loss is {@code sum(nll * w)}.
     */
    public float[] weights(float[] mask, int batch, int length) {
        if (mask.length != batch * length) {
            throw new IllegalArgumentException("mask of " + mask.length + " values for " + batch + " x " + length);
        }
        float[] w = new float[mask.length];
        if (this == TOKEN) {
            double total = 0;
            for (float m : mask) {
                total += m;
            }
            for (int i = 0; i < w.length && total > 0; i++) {
                w[i] = (float) (mask[i] / total);
            }
            return w;
        }
        int rows = 0;
        double[] perRow = new double[batch];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < length; t++) {
                perRow[b] += mask[b * length + t];
            }
            rows += perRow[b] > 0 ? 1 : 0;
        }
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < length && perRow[b] > 0; t++) {
                w[b * length + t] = (float) (mask[b * length + t] / (perRow[b] * rows));
            }
        }
        return w;
    }
}
