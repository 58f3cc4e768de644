package dev.tessera.engine.corpus;

import java.util.Arrays;
import java.util.List;

/**
 * How often each code of each level occurs in a corpus's token shards: the merged usage the
 * Spark job writes beside its shards ({@code codebook-usage.json}), and what the single-JVM run
 * computes from its rows. Codes used and perplexity per level say how much of the codebook the
 * corpus exercises (a photo corpus over a scene tokenizer uses few codes).
 *
 * @param tokenizer    the tokenizer's name
 * @param checkpoint   SHA-256 of its weights
 * @param codebookSize codes per level
 * @param images       images counted (rows without an error)
 * @param counts       {@code counts[level][code]}
 */
public record CodebookUsage(String tokenizer, String checkpoint, int codebookSize, long images, long[][] counts) {

    public CodebookUsage {
        for (long[] level : counts) {
            if (level.length != codebookSize) {
                throw new IllegalArgumentException("each level counts " + codebookSize + " codes, got " + level.length);
            }
        }
    }

    /** The usage of the rows without error in {@code rows}, all of one tokenizer over {@code codebookSize} codes. */
    public static CodebookUsage of(List<TokenizedImage> rows, int codebookSize) {
        List<TokenizedImage> ok = rows.stream().filter(TokenizedImage::ok).toList();
        if (ok.isEmpty()) {
            return new CodebookUsage(rows.isEmpty() ? "" : rows.get(0).tokenizer(), rows.isEmpty() ? "" : rows.get(0).checkpoint(),
                    codebookSize, 0, new long[0][]);
        }
        int levels = ok.get(0).levels();
        long[][] counts = new long[levels][codebookSize];
        for (TokenizedImage r : ok) {
            if (r.levels() != levels || !r.checkpoint().equals(ok.get(0).checkpoint())) {
                throw new IllegalArgumentException("rows of one tokenizer only: " + r.source() + " has " + r.levels()
                        + " levels of checkpoint " + r.checkpoint() + ", not " + levels + " of " + ok.get(0).checkpoint());
            }
            int[] ids = r.ids();
            for (int i = 0; i < ids.length; i++) {
                counts[i % levels][ids[i]]++;
            }
        }
        return new CodebookUsage(ok.get(0).tokenizer(), ok.get(0).checkpoint(), codebookSize, ok.size(), counts);
    }

    /** Levels counted. */
    public int levels() {
        return counts.length;
    }

    /** Codes of {@code level} that occur at least once. */
    public int used(int level) {
        return (int) Arrays.stream(counts[level]).filter(c -> c > 0).count();
    }

    /** {@code exp} of the entropy of {@code level}'s code frequencies: the number of equally used codes it equals. */
    public double perplexity(int level) {
        long total = Arrays.stream(counts[level]).sum();
        double h = 0;
        for (long c : counts[level]) {
            if (c > 0) {
                double p = (double) c / total;
                h -= p * Math.log(p);
            }
        }
        return Math.exp(h);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CodebookUsage u && tokenizer.equals(u.tokenizer) && checkpoint.equals(u.checkpoint)
                && codebookSize == u.codebookSize && images == u.images && Arrays.deepEquals(counts, u.counts);
    }

    @Override
    public int hashCode() {
        return tokenizer.hashCode() * 31 + Arrays.deepHashCode(counts);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(tokenizer + " over " + images + " images:");
        for (int l = 0; l < levels(); l++) {
            b.append(String.format(" level %d uses %d of %d codes (perplexity %.1f)", l + 1, used(l), codebookSize, perplexity(l)));
        }
        return b.toString();
    }
}
