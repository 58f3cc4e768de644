package dev.tessera.engine.tokenize;

import java.util.Arrays;

/**
 * The discrete codes of one image on a fixed grid, row-major: what a grid tokenizer
 * (VQ-VAE style, as in UniCode) turns an image into.
 *
 * @param rows         grid rows
 * @param cols         grid columns
 * @param ids          {@code rows * cols} code indices, row-major, each in {@code [0, codebookSize)}
 * @param codebookSize number of codes the ids index into
 */
public record TokenGrid(int rows, int cols, int[] ids, int codebookSize) {

    public TokenGrid {
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("grid must be at least 1x1, got " + rows + "x" + cols);
        }
        if (ids.length != rows * cols) {
            throw new IllegalArgumentException("a " + rows + "x" + cols + " grid needs " + rows * cols
                    + " ids, got " + ids.length);
        }
        for (int id : ids) {
            if (id < 0 || id >= codebookSize) {
                throw new IllegalArgumentException("code id " + id + " is outside [0, " + codebookSize + ")");
            }
        }
    }

    /** The code at grid row {@code r}, column {@code c}. */
    public int at(int r, int c) {
        return ids[r * cols + c];
    }

    /** How many different codes the grid uses. */
    public int uniqueCodes() {
        return (int) Arrays.stream(ids).distinct().count();
    }

    /** Number of tokens (grid cells). */
    public int size() {
        return ids.length;
    }

    /** Bits needed to store the grid: {@code size * log2(codebookSize)}. */
    public double bits() {
        return size() * (Math.log(codebookSize) / Math.log(2));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenGrid g && rows == g.rows && cols == g.cols
                && codebookSize == g.codebookSize && Arrays.equals(ids, g.ids);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ids) * 31 + rows * 7 + cols;
    }

    @Override
    public String toString() {
        return "TokenGrid[" + rows + "x" + cols + ", K=" + codebookSize + ", unique=" + uniqueCodes() + "]";
    }
}
