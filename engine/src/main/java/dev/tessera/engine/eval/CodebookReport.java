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
 * @param gridLevels  for an FSQ codebook (Mentzer et al., 2023), the levels of each of its numbers, e.g. [8, 6, 5]:
 *                    code {@code i} is the mixed-radix number {@code d0 + L0 (d1 + L1 (d2 + ...))} of its digits, so
 *                    the atlas can be laid out as that grid; empty for a learned codebook, which has no such order
 */
public record CodebookReport(String tokenizer, String description, List<RgbImage> atlas, ReconstructionReport heldOut,
                             List<Integer> gridLevels) {

    public CodebookReport {
        atlas = List.copyOf(atlas);
        gridLevels = gridLevels == null ? List.of() : List.copyOf(gridLevels);
        if (!gridLevels.isEmpty() && gridLevels.stream().reduce(1, (a, b) -> a * b) != heldOut.codebookSize()) {
            throw new IllegalArgumentException("grid levels " + gridLevels + " do not multiply to the codebook size "
                    + heldOut.codebookSize());
        }
    }

    /** The report of a learned codebook (no grid). */
    public CodebookReport(String tokenizer, String description, List<RgbImage> atlas, ReconstructionReport heldOut) {
        this(tokenizer, description, atlas, heldOut, List.of());
    }
}
