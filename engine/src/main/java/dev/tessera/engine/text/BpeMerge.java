package dev.tessera.engine.text;

/**
 * One BPE merge rule: adjacent tokens {@code left} and {@code right} become {@code left + right}.
 * A tokenizer's merges are ordered by rank (learned order); the lowest rank applies first.
 *
 * @param left  the left token's vocabulary string
 * @param right the right token's vocabulary string
 */
public record BpeMerge(String left, String right) {

    public BpeMerge {
        if (left == null || left.isEmpty() || right == null || right.isEmpty()) {
            throw new IllegalArgumentException("a merge joins two non-empty tokens, got '" + left + "' + '" + right + "'");
        }
    }

    /** The token the merge produces. */
    public String merged() {
        return left + right;
    }

    /** The classic {@code merges.txt} / {@code tokenizer.json} form, {@code "left right"}. */
    @Override
    public String toString() {
        return left + " " + right;
    }
}
