package dev.tessera.engine.eval;

import dev.tessera.engine.image.RgbImage;

import java.util.List;

/**
 * Tokenizers measured side by side on the same images, plus one sample image and each
 * tokenizer's reconstruction of it for a picture.
 *
 * @param data                  the evaluation set's name
 * @param images                images measured
 * @param rows                  one per tokenizer, in the order asked
 * @param sample                the first image of the set
 * @param sampleReconstructions each tokenizer's reconstruction of {@code sample}, in row order
 */
public record Comparison(String data, int images, List<Row> rows, RgbImage sample, List<RgbImage> sampleReconstructions) {

    /**
     * One tokenizer's numbers.
     *
     * @param tokenizer             checkpoint name
     * @param description           architecture in one line
     * @param report                every metric of the run
     * @param tokensObjectsCorrelation Pearson correlation of tokens per image with objects per
     *                              image (scenes only; NaN when either does not vary or is unknown)
     */
    public record Row(String tokenizer, String description, ReconstructionReport report, double tokensObjectsCorrelation) {
    }

    public Comparison {
        rows = List.copyOf(rows);
        sampleReconstructions = List.copyOf(sampleReconstructions);
    }
}
