package dev.tessera.render;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Numbers as the renderers write them: always with a decimal point (never the machine's
 * locale), percentages with one decimal, durations a person reads at a glance.
 */
final class Format {

    /** Shown for a number that is not known (NaN, or not reported). */
    static final String UNKNOWN = "—";

    private Format() {
    }

    /** {@code String.format} in the root locale. */
    static String of(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    /** A share in [0, 1] as a percentage with one decimal, e.g. {@code 73.4%}. */
    static String percent(double fraction) {
        return Double.isFinite(fraction) ? of("%.1f%%", 100 * fraction) : UNKNOWN;
    }

    /** A loss with three decimals. */
    static String loss(Double v) {
        return v != null && Double.isFinite(v) ? of("%.3f", v) : UNKNOWN;
    }

    /** A rate or count with thousands separators and no decimals, e.g. {@code 12,345}. */
    static String whole(Double v) {
        return v != null && Double.isFinite(v) ? of("%,.0f", v) : UNKNOWN;
    }

    /** A setting as written, without trailing zeros or an exponent: {@code 1}, {@code 0.5}, {@code 0.0003}. */
    static String number(double v) {
        return Double.isFinite(v) ? new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString() : UNKNOWN;
    }

    /** Seconds as {@code 42s}, {@code 3m 05s} or {@code 1h 02m}. */
    static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return UNKNOWN;
        }
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return of("%dm %02ds", s / 60, s % 60);
        }
        return of("%dh %02dm", s / 3600, (s % 3600) / 60);
    }
}
