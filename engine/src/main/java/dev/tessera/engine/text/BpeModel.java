package dev.tessera.engine.text;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * A byte-level BPE vocabulary and its ranked merges, and the merge algorithm that turns the
 * bytes of one word into ids. The algorithm is HuggingFace's ({@code Word::merge_all}): the
 * applicable pair of lowest rank, leftmost first, is merged until no pair has a merge, so ids
 * match the Rust library for any merge list, not only for lists learned in order.
 */
final class BpeModel {

    private final List<String> tokens;
    private final List<BpeMerge> merges;
    private final Map<String, Integer> ids;
    /** (left id, right id) packed into a long -> (rank, merged id) packed into a long. */
    private final Map<Long, Long> mergeTable;
    private final int[] byteIds = new int[256];

    /**
     * @param tokens vocabulary strings by id; must hold the 256 byte symbols
     * @param merges merge rules by rank; both parts and the result must be in the vocabulary
     * @throws IllegalArgumentException naming the first problem found
     */
    BpeModel(List<String> tokens, List<BpeMerge> merges) {
        this.tokens = List.copyOf(tokens);
        this.merges = List.copyOf(merges);
        this.ids = new HashMap<>(tokens.size() * 2);
        for (int id = 0; id < tokens.size(); id++) {
            Integer before = ids.putIfAbsent(tokens.get(id), id);
            if (before != null) {
                throw new IllegalArgumentException("token '" + tokens.get(id) + "' has two ids, " + before + " and " + id);
            }
        }
        for (int b = 0; b < 256; b++) {
            Integer id = ids.get(String.valueOf(ByteLevel.symbol(b)));
            if (id == null) {
                throw new IllegalArgumentException("the vocabulary lacks the byte symbol '" + ByteLevel.symbol(b)
                        + "' (byte " + b + "), so it is not a byte-level vocabulary");
            }
            byteIds[b] = id;
        }
        this.mergeTable = new HashMap<>(merges.size() * 2);
        for (int rank = 0; rank < merges.size(); rank++) {
            BpeMerge m = merges.get(rank);
            int merged = require(m.merged(), rank, m);
            // a repeated pair keeps its last rank, as HuggingFace's merge map does
            mergeTable.put(pair(require(m.left(), rank, m), require(m.right(), rank, m)), ((long) rank << 32) | merged);
        }
    }

    private int require(String token, int rank, BpeMerge m) {
        Integer id = ids.get(token);
        if (id == null) {
            throw new IllegalArgumentException("merge #" + rank + " '" + m + "' uses '" + token
                    + "', which is not in the vocabulary");
        }
        return id;
    }

    List<String> tokens() {
        return tokens;
    }

    List<BpeMerge> merges() {
        return merges;
    }

    int size() {
        return tokens.size();
    }

    /** The ids of one pre-tokenized word, given as its UTF-8 bytes. */
    int[] encodeWord(byte[] bytes) {
        int n = bytes.length;
        int[] id = new int[n];
        for (int i = 0; i < n; i++) {
            id[i] = byteIds[bytes[i] & 0xFF];
        }
        if (n < 2) {
            return id;
        }
        int[] prev = new int[n];
        int[] next = new int[n];
        boolean[] gone = new boolean[n];
        PriorityQueue<Long> queue = new PriorityQueue<>(); // (rank << 32 | position): lowest rank, then leftmost
        for (int i = 0; i < n; i++) {
            prev[i] = i - 1;
            next[i] = i + 1 < n ? i + 1 : -1;
            offer(queue, id, i, i + 1 < n ? i + 1 : -1);
        }
        int left = n;
        while (!queue.isEmpty()) {
            long top = queue.poll();
            int pos = (int) top;
            int rank = (int) (top >>> 32);
            int nx = gone[pos] ? -1 : next[pos];
            if (nx < 0) {
                continue;
            }
            Long m = mergeTable.get(pair(id[pos], id[nx]));
            if (m == null || (int) (m >>> 32) != rank) {
                continue; // stale entry: a neighbour was merged since it was queued
            }
            id[pos] = (int) (long) m;
            gone[nx] = true;
            left--;
            next[pos] = next[nx];
            if (next[pos] >= 0) {
                prev[next[pos]] = pos;
            }
            if (prev[pos] >= 0) {
                offer(queue, id, prev[pos], pos);
            }
            offer(queue, id, pos, next[pos]);
        }
        int[] out = new int[left];
        for (int i = 0, k = 0; i >= 0; i = next[i]) {
            out[k++] = id[i];
        }
        return out;
    }

    private void offer(PriorityQueue<Long> queue, int[] id, int pos, int nx) {
        if (nx < 0) {
            return;
        }
        Long m = mergeTable.get(pair(id[pos], id[nx]));
        if (m != null) {
            queue.add((m & 0xFFFF_FFFF_0000_0000L) | pos);
        }
    }

    static long pair(int left, int right) {
        return ((long) left << 32) | (right & 0xFFFF_FFFFL);
    }

    @Override
    public String toString() {
        return "BpeModel[" + tokens.size() + " tokens, " + merges.size() + " merges]";
    }
}
