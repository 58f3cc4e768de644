package dev.tessera.engine.eval;

/**
 * The Wilson score interval of a share of successes (Wilson, 1927): where the true rate lies with
 * 95% confidence. Unlike the standard error it stays inside [0, 1] and is not empty at 0 or n
 * successes: 0 of 128 gives [0, 2.9%], where the standard error says 0 ± 0.
 *
 * @param low  the lower end, in [0, 1]
 * @param high the upper end, in [0, 1]
 */
public record WilsonInterval(double low, double high) {

    /** z of a two-sided 95% interval. */
    private static final double Z = 1.959964;

    /** The interval of {@code successes} out of {@code trials} (at least one). */
    public static WilsonInterval of(long successes, long trials) {
        if (trials < 1 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("a share needs 0 <= successes <= trials and trials >= 1, got " + successes
                    + " of " + trials);
        }
        double n = trials;
        double p = successes / n;
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        // the ends are exact at none and all, where rounding would leave 1e-16 of daylight
        return new WilsonInterval(successes == 0 ? 0 : Math.max(0, centre - half),
                successes == trials ? 1 : Math.min(1, centre + half));
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "95%%: %.1f-%.1f%%", 100 * low, 100 * high);
    }
}
