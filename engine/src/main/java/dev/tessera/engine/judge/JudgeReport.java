package dev.tessera.engine.judge;

/**
 * How often a judge reads scenes exactly right, per head and all at once.
 *
 * @param source    what was judged: {@code "real"} scenes, or the name of the tokenizer whose
 *                  reconstructions were judged
 * @param images    scenes judged
 * @param count     fraction with the object count right
 * @param colours   fraction with exactly the right set of colours
 * @param shapes    fraction with exactly the right set of shapes
 * @param positions fraction with exactly the right set of occupied cells
 * @param all       fraction with all four right at once
 */
public record JudgeReport(String source, int images, double count, double colours, double shapes, double positions,
                          double all) {

    public JudgeReport {
        if (images < 1) {
            throw new IllegalArgumentException("a report needs at least one image, got " + images);
        }
    }

    /** The weakest head's accuracy. */
    public double weakestHead() {
        return Math.min(Math.min(count, colours), Math.min(shapes, positions));
    }

    @Override
    public String toString() {
        return String.format("%s (%d scenes): count %.1f%%, colours %.1f%%, shapes %.1f%%, positions %.1f%%, all %.1f%%",
                source, images, 100 * count, 100 * colours, 100 * shapes, 100 * positions, 100 * all);
    }
}
