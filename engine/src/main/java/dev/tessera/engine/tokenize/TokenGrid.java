package dev.tessera.engine.tokenize;

import java.util.Arrays;

/**
 * The discrete codes of one image on a fixed grid: what a grid tokenizer turns an image into.
 * A residual tokenizer gives {@code depth} ids per position (UniCode's stacked quantization);
 * the ids are position-major, levels inner: {@code ids[(r * cols + c) * depth + level]}.
 *
 * @param rows         grid rows
 * @param cols         grid columns
 * @param depth        ids per position, 1 unless residual
 * @param ids          {@code rows * cols * depth} code indices, each in {@code [0, codebookSize)}
 * @param codebookSize number of codes each id indexes into (per level)
 */
public record TokenGrid(int rows, int cols, int depth, int[] ids, int codebookSize) implements ImageTokens {

    public TokenGrid {
        if (rows <= 0 || cols <= 0 || depth <= 0) {
            throw new IllegalArgumentException("grid must be at least 1x1x1, got " + rows + "x" + cols + "x" + depth);
        }
        if (ids.length != rows * cols * depth) {
            throw new IllegalArgumentException("a " + rows + "x" + cols + " grid of depth " + depth + " needs "
                    + rows * cols * depth + " ids, got " + ids.length);
        }
        for (int id : ids) {
            if (id < 0 || id >= codebookSize) {
                throw new IllegalArgumentException("code id " + id + " is outside [0, " + codebookSize + ")");
            }
        }
    }

    /** A single-level grid. */
    public TokenGrid(int rows, int cols, int[] ids, int codebookSize) {
        this(rows, cols, 1, ids, codebookSize);
    }

    /** The first-level code at grid row {@code r}, column {@code c}. */
    public int at(int r, int c) {
        return at(r, c, 0);
    }

    /** The code of {@code level} at grid row {@code r}, column {@code c}. */
    public int at(int r, int c, int level) {
        return ids[(r * cols + c) * depth + level];
    }

    /** The single-level grid of one level. */
    public TokenGrid level(int level) {
        if (level < 0 || level >= depth) {
            throw new IllegalArgumentException("level must be in 0.." + (depth - 1) + ", got " + level);
        }
        int[] out = new int[rows * cols];
        for (int i = 0; i < out.length; i++) {
            out[i] = ids[i * depth + level];
        }
        return new TokenGrid(rows, cols, out, codebookSize);
    }

    /** How many different codes the grid uses (over all levels). */
    public int uniqueCodes() {
        return (int) Arrays.stream(ids).distinct().count();
    }

    /** Number of grid positions. */
    public int size() {
        return rows * cols;
    }

    /** Grid positions: with a residual stack, each position is one token whose embedding sums its levels (UniCode). */
    @Override
    public int count() {
        return size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenGrid g && rows == g.rows && cols == g.cols && depth == g.depth
                && codebookSize == g.codebookSize && Arrays.equals(ids, g.ids);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ids) * 31 + rows * 7 + cols + depth * 131;
    }

    @Override
    public String toString() {
        return "TokenGrid[" + rows + "x" + cols + (depth > 1 ? "x" + depth : "") + ", K=" + codebookSize
                + ", unique=" + uniqueCodes() + "]";
    }
}
