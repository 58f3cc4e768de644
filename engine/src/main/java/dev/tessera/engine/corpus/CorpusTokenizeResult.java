package dev.tessera.engine.corpus;

import java.util.List;

/**
 * What a corpus tokenization produced, whichever way it ran (the Spark job in any mode, or one
 * JVM): where the shards are, how many files became tokens and how many error rows, how fast,
 * and the merged codebook usage.
 *
 * @param output          the shards' folder (null for a run kept in memory)
 * @param tokenizer       the tokenizer's name
 * @param checkpoint      SHA-256 of its weights
 * @param files           files listed (rows written)
 * @param errors          error rows among them
 * @param seconds         time of the tokenization itself, start-up and listing excluded
 * @param master          where it ran: a Spark master such as {@code local[2]}, or {@code single-jvm}
 * @param usage           the merged codebook usage of the rows without error
 * @param medianPsnr      median reconstruction PSNR in dB of the rows without error, NaN when not measured
 * @param errorSamples    the first error rows' messages (at most {@value #ERROR_SAMPLES})
 * @param interrupted     true when the run was stopped: {@code files} and {@code errors} count what was done, the
 *                        finished chunks are kept, and the same command with {@code --resume} continues
 */
public record CorpusTokenizeResult(String output, String tokenizer, String checkpoint, long files, long errors, double seconds,
                                   String master, CodebookUsage usage, double medianPsnr, List<String> errorSamples,
                                   boolean interrupted) {

    /** Error messages kept in {@link #errorSamples()}. */
    public static final int ERROR_SAMPLES = 5;

    public CorpusTokenizeResult {
        errorSamples = List.copyOf(errorSamples);
    }

    /** Files per second, start-up excluded. */
    public double filesPerSecond() {
        return seconds > 0 ? files / seconds : 0;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s%d files -> %s (%d error rows) with %s on %s in %.1f s (%.1f files/s)",
                interrupted ? "stopped after " : "", files, output, errors, tokenizer, master, seconds, filesPerSecond());
    }
}
