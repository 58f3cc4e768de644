package dev.tessera.engine.corpus;

/**
 * How far a corpus run has come: files done (tokenized or turned into error rows) of those
 * listed, errors among them, and the time since the work began (start-up excluded).
 */
public record CorpusProgress(long done, long total, long errors, double seconds) {

    /** Files per second so far. */
    public double filesPerSecond() {
        return seconds > 0 ? done / seconds : 0;
    }

    /** The one-line form the Spark job prints and {@link CorpusJob} parses back. */
    public String line() {
        return String.format(java.util.Locale.ROOT, "%s %d %d %d %.3f", PREFIX, done, total, errors, seconds);
    }

    /** The start of a progress line. */
    public static final String PREFIX = "tessera-progress";

    /** The progress of a line written by {@link #line()}, or null for any other line. */
    public static CorpusProgress parse(String line) {
        if (!line.startsWith(PREFIX + " ")) {
            return null;
        }
        String[] f = line.substring(PREFIX.length() + 1).trim().split(" ");
        if (f.length != 4) {
            return null;
        }
        try {
            return new CorpusProgress(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), Double.parseDouble(f[3]));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%d of %d files (%d errors), %.1f files/s", done, total, errors, filesPerSecond());
    }
}
