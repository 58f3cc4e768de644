package dev.tessera.engine.eval;

import dev.tessera.engine.image.RgbImage;

import java.util.List;

/**
 * A tokenizer's codebook: what each code looks like decoded on its own (the atlas), and how
 * often each code is used on held-out images (utilization, perplexity, dead codes).
 *
 * @param tokenizer   checkpoint name
 * @param description architecture in one line
 * @param atlas       code {@code i} decoded alone, for the first {@code atlas.size()} codes of level 1
 * @param heldOut     usage and quality on held-out images
 */
public record CodebookReport(String tokenizer, String description, List<RgbImage> atlas, ReconstructionReport heldOut) {

    public CodebookReport {
        atlas = List.copyOf(atlas);
    }
}
