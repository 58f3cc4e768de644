package dev.tessera.engine.unified;

import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.lm.SamplingConfig;
import dev.tessera.engine.tokenize.TokenGrid;
import dev.tessera.engine.vocab.MixedSequence;

import java.util.List;

/**
 * Images the model wrote for a prompt: the decoded pictures, their token grids, the full
 * sequences, the sampling used, and the wall time per image.
 */
public record Generation(String prompt, SamplingConfig sampling, List<RgbImage> images, List<TokenGrid> grids,
                         List<MixedSequence> sequences, double millisPerImage) {

    public Generation {
        images = List.copyOf(images);
        grids = List.copyOf(grids);
        sequences = List.copyOf(sequences);
    }
}
