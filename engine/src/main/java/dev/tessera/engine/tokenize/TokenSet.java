package dev.tessera.engine.tokenize;

import java.util.Arrays;

/**
 * The variable-length tokens of a SeTok-style tokenizer: one token per cluster of patches,
 * ordered by the position of the cluster's centre. Each token is a content code plus the
 * grid cell of its centre; the assignment of every patch to its cluster is kept so the
 * clusters can be drawn as a segmentation of the image.
 *
 * @param side         the patch grid is {@code side x side}
 * @param ids          one content code per token
 * @param centres      per token, the patch index (row-major) of its cluster centre, ascending
 * @param assignment   per patch, the token it belongs to
 * @param codebookSize number of content codes
 */
public record TokenSet(int side, int[] ids, int[] centres, int[] assignment, int codebookSize) implements ImageTokens {

    public TokenSet {
        if (ids.length == 0 || ids.length != centres.length) {
            throw new IllegalArgumentException("a token set needs one centre per token and at least one token, got "
                    + ids.length + " ids and " + centres.length + " centres");
        }
        if (assignment.length != side * side) {
            throw new IllegalArgumentException("a " + side + "x" + side + " patch grid needs " + side * side
                    + " assignments, got " + assignment.length);
        }
        for (int id : ids) {
            if (id < 0 || id >= codebookSize) {
                throw new IllegalArgumentException("code id " + id + " is outside [0, " + codebookSize + ")");
            }
        }
        for (int c : centres) {
            if (c < 0 || c >= side * side) {
                throw new IllegalArgumentException("centre " + c + " is outside the " + side + "x" + side + " grid");
            }
        }
        for (int a : assignment) {
            if (a < 0 || a >= ids.length) {
                throw new IllegalArgumentException("patch assigned to token " + a + " of " + ids.length);
            }
        }
    }

    @Override
    public int count() {
        return ids.length;
    }

    /**
     * Bits the decoder needs: each token's content code and the patch cell of its centre
     * ({@code count * (log2(codebookSize) + log2(side * side))}), since the decoder places each
     * token at its centre. The patch assignment is not counted: decoding does not use it (every
     * patch's query attends to all tokens); it is kept only to draw the clusters.
     */
    @Override
    public double bits() {
        return ids.length * (Math.log(codebookSize) + Math.log((double) side * side)) / Math.log(2);
    }

    /** Patches per token. */
    public int[] sizes() {
        int[] s = new int[ids.length];
        for (int a : assignment) {
            s[a]++;
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenSet t && side == t.side && codebookSize == t.codebookSize && Arrays.equals(ids, t.ids)
                && Arrays.equals(centres, t.centres) && Arrays.equals(assignment, t.assignment);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ids) * 31 + Arrays.hashCode(centres);
    }

    @Override
    public String toString() {
        return "TokenSet[" + ids.length + " tokens on " + side + "x" + side + ", ids " + Arrays.toString(ids) + "]";
    }
}
