package dev.tessera.engine.judge;

/**
 * How often a judge reads scenes exactly right, aspect by aspect and all at once. Every aspect
 * compares lists with their repeats (two red circles are not one), in any order.
 *
 * @param source      what was judged: {@code "real"} scenes, or the name of the tokenizer whose
 *                    reconstructions were judged
 * @param images      scenes judged
 * @param count       fraction with the number of objects right
 * @param colours     fraction with every object's colour right, as a list (how many of each)
 * @param shapes      fraction with every object's shape right, as a list
 * @param positions   fraction with every object's 3x3 cell right, as a list
 * @param attribution fraction with every object's colour and shape right together: colours bound
 *                    to the right shapes ("a red circle and a blue square", not the other way round)
 * @param all         fraction with every object's colour, shape and cell right together
 */
public record JudgeReport(String source, int images, double count, double colours, double shapes, double positions,
                          double attribution, double all) {

    public JudgeReport {
        if (images < 1) {
            throw new IllegalArgumentException("a report needs at least one image, got " + images);
        }
    }

    /** The weakest aspect's accuracy. */
    public double weakestAspect() {
        return Math.min(Math.min(Math.min(count, colours), Math.min(shapes, positions)), attribution);
    }

    @Override
    public String toString() {
        return String.format("%s (%d scenes): count %.1f%%, colours %.1f%%, shapes %.1f%%, positions %.1f%%, "
                        + "attribution %.1f%%, all %.1f%%", source, images, 100 * count, 100 * colours, 100 * shapes,
                100 * positions, 100 * attribution, 100 * all);
    }
}
