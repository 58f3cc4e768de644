package dev.tessera.engine.nn;

/**
 * Fixed 2D sinusoidal position embeddings (as in MAE and SeTok): half the channels encode
 * the row, half the column, each with sines and cosines at geometric frequencies. Fixed, so
 * a checkpoint does not need them and any grid size works.
 */
public final class SinusoidalPositions {

    private SinusoidalPositions() {
    }

    /** Embeddings of every cell of a {@code rows x cols} grid, row-major, {@code dim} wide (dim % 4 == 0). */
    public static float[] grid(int rows, int cols, int dim) {
        if (dim % 4 != 0) {
            throw new IllegalArgumentException("2D sinusoidal embeddings need a width divisible by 4, got " + dim);
        }
        float[] out = new float[rows * cols * dim];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int base = (r * cols + c) * dim;
                encode(r, dim / 2, out, base);
                encode(c, dim / 2, out, base + dim / 2);
            }
        }
        return out;
    }

    private static void encode(int position, int width, float[] out, int offset) {
        int half = width / 2;
        for (int i = 0; i < half; i++) {
            double freq = Math.pow(10000.0, -(double) i / half);
            out[offset + i] = (float) Math.sin(position * freq);
            out[offset + half + i] = (float) Math.cos(position * freq);
        }
    }
}
