package dev.tessera.engine.eval;

import dev.tessera.engine.data.EvaluationSet;
import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.tokenize.ImageTokenizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs {@link TokenizerEvaluation} for several tokenizers on one evaluation set. */
public final class TokenizerComparison {

    private TokenizerComparison() {
    }

    /** Every tokenizer on {@code set}; each must take images of the set's side. */
    public static Comparison compare(List<? extends ImageTokenizer<?>> tokenizers, EvaluationSet set) {
        if (tokenizers.isEmpty()) {
            throw new IllegalArgumentException("name at least one tokenizer to compare");
        }
        List<Comparison.Row> rows = new ArrayList<>();
        List<RgbImage> samples = new ArrayList<>();
        RgbImage sample = set.images().get(0);
        double[] objects = set.hasObjectCounts() ? Arrays.stream(set.objectCounts()).asDoubleStream().toArray() : null;
        for (ImageTokenizer<?> t : tokenizers) {
            ReconstructionReport r = evaluate(t, set.images());
            double corr = objects == null ? Double.NaN
                    : Correlation.pearson(Arrays.stream(r.tokenCounts()).asDoubleStream().toArray(), objects);
            rows.add(new Comparison.Row(t.name(), t.describe(), r, corr));
            samples.add(roundTrip(t, sample));
        }
        return new Comparison(set.name(), set.images().size(), rows, sample, samples);
    }

    private static <T extends dev.tessera.engine.tokenize.ImageTokens> ReconstructionReport evaluate(
            ImageTokenizer<T> t, List<RgbImage> images) {
        return TokenizerEvaluation.evaluate(t, images);
    }

    private static <T extends dev.tessera.engine.tokenize.ImageTokens> RgbImage roundTrip(ImageTokenizer<T> t, RgbImage img) {
        return t.decode(t.encode(img));
    }
}
