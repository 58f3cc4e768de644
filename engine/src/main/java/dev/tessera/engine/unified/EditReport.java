package dev.tessera.engine.unified;

import dev.tessera.engine.image.RgbImage;

import java.util.List;

/**
 * Judged editing of one model ({@link EditEvaluation}): a score per instruction kind, their
 * unweighted mean, and a few edits to look at.
 *
 * @param model   the model's name
 * @param judge   the judge's name
 * @param kinds   one score per instruction kind
 * @param overall unweighted mean accuracy over the kinds
 * @param samples the first edits of each kind
 * @param seconds wall time of the evaluation
 */
public record EditReport(String model, String judge, List<EditScore> kinds, double overall, List<Sample> samples,
                         double seconds) {

    /**
     * One judged edit.
     *
     * @param instruction what was asked
     * @param before      the input picture
     * @param after       what the model wrote
     * @param target      the exact edited scene's picture
     * @param wanted      the target scene's caption
     * @param judgeSaw    what the judge read in {@code after}
     * @param right       whether that is exactly the target
     */
    public record Sample(String instruction, RgbImage before, RgbImage after, RgbImage target, String wanted,
                         String judgeSaw, boolean right) {
    }

    public EditReport {
        kinds = List.copyOf(kinds);
        samples = List.copyOf(samples);
    }

    /** The scores as a plain-text table, one line per kind and the overall mean. */
    public String table() {
        StringBuilder b = new StringBuilder(String.format(java.util.Locale.ROOT,
                "edits judged by %s, greedy, held-out scenes (%s):%n%-9s %5s %16s %16s %8s %8s %17s%n", judge, model, "kind",
                "edits", "accuracy", "95% interval", "kept", "ceiling", "positions changed"));
        for (EditScore k : kinds) {
            b.append(String.format(java.util.Locale.ROOT, "%-9s %5d %8.1f%% ± %4.1f %7.1f-%.1f%% %7.1f%% %7.1f%% %7.1f (exact %.1f)%n",
                    k.kind().id(), k.edits(), 100 * k.accuracy(), 100 * k.standardError(), 100 * k.interval().low(),
                    100 * k.interval().high(), 100 * k.kept(),
                    100 * k.ceiling(), k.changedPositions(), k.targetPositions()));
        }
        return b.append(String.format(java.util.Locale.ROOT, "overall   %14.1f%%   (%.0f s)%n", 100 * overall, seconds))
                .toString();
    }

    @Override
    public String toString() {
        return table();
    }
}
