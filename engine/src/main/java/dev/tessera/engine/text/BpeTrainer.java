package dev.tessera.engine.text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Learns byte-level BPE merges from a corpus: count the words (GPT-2 pre-tokenization), start
 * from the 256 byte symbols, and repeatedly merge the most frequent adjacent pair, counted over
 * all word occurrences. Ties go to the pair whose left, then right, vocabulary string is
 * smallest ({@link String#compareTo}), so the same corpus always gives the same merges.
 *
 * <p>Pair counts are updated only in the words that hold the merged pair, and the best pair is
 * kept in a lazily corrected priority queue (as HuggingFace's trainer does): a merge only lowers
 * the counts of existing pairs, and every pair it creates contains the new token.
 */
final class BpeTrainer {

    private final List<String> tokens = new ArrayList<>(ByteLevel.alphabet());
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<BpeMerge> merges = new ArrayList<>();
    private final List<int[]> words = new ArrayList<>();
    private final List<Long> counts = new ArrayList<>();
    private final Map<Long, Long> pairCounts = new HashMap<>();
    private final Map<Long, Set<Integer>> wordsWithPair = new HashMap<>();
    private final PriorityQueue<long[]> queue; // {pair, count}: highest count, then smallest strings

    private BpeTrainer() {
        for (int i = 0; i < tokens.size(); i++) {
            ids.put(tokens.get(i), i);
        }
        Comparator<long[]> byCount = Comparator.comparingLong(e -> -e[1]);
        queue = new PriorityQueue<>(byCount
                .thenComparing(e -> tokens.get((int) (e[0] >>> 32)))
                .thenComparing(e -> tokens.get((int) e[0])));
    }

    static BpeModel train(Iterable<String> corpus, BpeTrainingConfig config) {
        BpeTrainer t = new BpeTrainer();
        t.countWords(corpus);
        t.learn(config);
        return new BpeModel(t.tokens, t.merges);
    }

    private void countWords(Iterable<String> corpus) {
        Map<String, Long> freq = new LinkedHashMap<>();
        for (String text : corpus) {
            for (String word : ByteLevel.split(text)) {
                freq.merge(word, 1L, Long::sum);
            }
        }
        freq.forEach((word, n) -> {
            byte[] bytes = word.getBytes(StandardCharsets.UTF_8);
            int[] symbols = new int[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                symbols[i] = ids.get(String.valueOf(ByteLevel.symbol(bytes[i])));
            }
            words.add(symbols);
            counts.add(n);
            addPairs(words.size() - 1, symbols, n, -1, null);
        });
        pairCounts.forEach((pair, n) -> queue.add(new long[] {pair, n}));
    }

    private void learn(BpeTrainingConfig config) {
        while (tokens.size() < config.vocabSize()) {
            long[] best = queue.poll();
            if (best == null) {
                return;
            }
            long now = pairCounts.getOrDefault(best[0], 0L);
            if (now != best[1]) {
                if (now > 0) {
                    queue.add(new long[] {best[0], now}); // stale: merges since it was queued lowered it
                }
                continue;
            }
            if (now < config.minFrequency()) {
                return;
            }
            merge(best[0]);
        }
    }

    private void merge(long pair) {
        int left = (int) (pair >>> 32);
        int right = (int) pair;
        BpeMerge m = new BpeMerge(tokens.get(left), tokens.get(right));
        merges.add(m);
        // two merges can spell the same string ("a"+"bc", "ab"+"c"); both then share one id
        int merged = ids.computeIfAbsent(m.merged(), s -> {
            tokens.add(s);
            return tokens.size() - 1;
        });
        Set<Long> created = new HashSet<>();
        for (int w : wordsWithPair.getOrDefault(pair, Set.of())) {
            int[] old = words.get(w);
            int[] now = mergeIn(old, left, right, merged);
            if (now.length == old.length) {
                continue;
            }
            long n = counts.get(w);
            addPairs(w, old, -n, -1, null);
            addPairs(w, now, n, merged, created);
            words.set(w, now);
        }
        wordsWithPair.remove(pair);
        for (long p : created) {
            long n = pairCounts.getOrDefault(p, 0L);
            if (n > 0) {
                queue.add(new long[] {p, n});
            }
        }
    }

    /**
     * Adds {@code n} occurrences of each adjacent pair of {@code symbols} and collects the pairs
     * holding {@code merged}: the only pairs whose counts can rise, so they must be queued again.
     */
    private void addPairs(int word, int[] symbols, long n, int merged, Set<Long> created) {
        for (int i = 0; i + 1 < symbols.length; i++) {
            long p = BpeModel.pair(symbols[i], symbols[i + 1]);
            long total = pairCounts.merge(p, n, Long::sum);
            if (total == 0) {
                pairCounts.remove(p);
            }
            if (n > 0) {
                wordsWithPair.computeIfAbsent(p, k -> new HashSet<>()).add(word);
                if (created != null && (symbols[i] == merged || symbols[i + 1] == merged)) {
                    created.add(p);
                }
            }
        }
    }

    /** {@code symbols} with every occurrence of (left, right), scanned left to right, replaced by {@code merged}. */
    private static int[] mergeIn(int[] symbols, int left, int right, int merged) {
        int[] out = new int[symbols.length];
        int k = 0;
        for (int i = 0; i < symbols.length; i++) {
            if (i + 1 < symbols.length && symbols[i] == left && symbols[i + 1] == right) {
                out[k++] = merged;
                i++;
            } else {
                out[k++] = symbols[i];
            }
        }
        return k == symbols.length ? symbols : Arrays.copyOf(out, k);
    }
}
