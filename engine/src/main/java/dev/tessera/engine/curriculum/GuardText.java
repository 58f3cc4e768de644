package dev.tessera.engine.curriculum;

import dev.tessera.engine.train.GuardReading;

import java.util.Locale;

/** One line that says what a text-guard reading found, for the command line and the board. */
public final class GuardText {

    private GuardText() {
    }

    /** E.g. {@code text guard after projections (step 4500): held-out perplexity 41.27 (+0.00%)}. */
    public static String line(GuardReading g) {
        String where = g.after().equals(GuardReading.START) ? "before the first stage" : "after " + g.after();
        String change = Double.isNaN(g.change()) ? "" : String.format(Locale.ROOT, " (%+.2f%%)", 100 * g.change());
        return String.format(Locale.ROOT, "text guard %s (step %d): held-out perplexity %.2f%s%s", where, g.step(),
                g.perplexity(), change, g.breached() ? " -- ROSE MORE THAN THE GUARD ALLOWS: the language part lost text skill" : "");
    }
}
