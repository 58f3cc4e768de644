package dev.tessera.engine.quantize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import static dev.tessera.engine.nn.Tensors.scalar;

/**
 * The arithmetic of codebooks as pure functions of tensors, kept apart from any block so
 * each step can be checked against a hand-computed example.
 */
public final class Codebooks {

    private static final float EPS = 1e-5f;

    private Codebooks() {
    }

    /**
     * Index of the nearest code (Euclidean) for each row of {@code z} (N, D) among
     * {@code codebook} (K, D); exact ties go to the lowest index.
     *
     * <p>It maximises {@code z.c - ||c||^2/2}, which orders codes as {@code -||z - c||^2}
     * does: the {@code ||z||^2} term is the same for every code of a row, so it is dropped.
     * The bias is folded into the product by appending a column of ones to {@code z} and
     * a column of {@code -||c||^2/2} to the codebook, so the search is one (N, D+1) x
     * (D+1, K) matmul and one argmax pass over its (N, K) result, nothing else of that size
     * (bench/: NearestCodeBench, against a plain matmul of the same shape).
     */
    public static NDArray nearest(NDArray z, NDArray codebook) {
        NDArray ones = z.getManager().ones(new Shape(z.getShape().get(0), 1), z.getDataType(), z.getDevice());
        NDArray bias = codebook.square().sum(new int[] {1}, true).mul(scalar(z, -0.5f));
        return z.concat(ones, 1).matMul(codebook.concat(bias, 1).transpose()).argMax(1);
    }

    /**
     * Assignment counts per code, shape (K), float32. Counted in Java from the ids rather than as a
     * sum of one-hot rows: a one-hot of N ids over K codes is N x K values (8,192 x 64,000 for the
     * photo tokenizer's FSQ: 4 GB), and the counts are the same whole numbers either way.
     */
    public static NDArray counts(NDArray indices, int k) {
        float[] counts = new float[k];
        for (long id : indices.toType(DataType.INT64, false).toLongArray()) {
            if (id < 0 || id >= k) {
                throw new IllegalArgumentException("code id " + id + " is outside 0.." + (k - 1));
            }
            counts[(int) id]++;
        }
        return indices.getManager().create(counts);
    }

    /**
     * One EMA step: {@code N' = d N + (1-d) n}, {@code S' = d S + (1-d) sum(z assigned)},
     * codes {@code C' = S' / laplace(N')}, where the Laplace smoothing keeps empty codes
     * finite. Returns {N', S', C'}.
     */
    public static NDArray[] emaUpdate(NDArray z, NDArray indices, NDArray emaCount, NDArray emaSum, double decay) {
        int k = (int) emaCount.getShape().get(0);
        NDArray onehot = indices.oneHot(k).toType(DataType.FLOAT32, false);
        float d = (float) decay;
        NDArray keep = scalar(onehot, d);
        NDArray fresh = scalar(onehot, 1 - d);
        NDArray count = onehot.sum(new int[] {0}).mul(fresh).add(emaCount.mul(keep));
        NDArray sum = onehot.transpose().matMul(z).mul(fresh).add(emaSum.mul(keep));
        NDArray codes = sum.div(smoothed(count, onehot, k).expandDims(1));
        return new NDArray[] {count, sum, codes};
    }

    /** The Laplace-smoothed cluster sizes the EMA codes are divided by: {@code (N + eps) / (n + K eps) * n}, n = sum N. */
    private static NDArray smoothed(NDArray count, NDArray like, int k) {
        NDArray n = count.sum();
        return count.add(scalar(like, (float) EPS)).div(n.add(scalar(like, (float) (k * EPS)))).mul(n);
    }

    /**
     * Codes {@code lambda C + (1 - lambda) T} and the EMA sums that go with them for counts
     * {@code emaCount}: the sums are rewritten so that {@link #emaUpdate}'s next step continues
     * from the moved codes instead of snapping back to the old sums (UniCode's pull of the visual
     * codebook toward the language model's table, arXiv 2403.09072). Returns {C', S'}.
     */
    public static NDArray[] pull(NDArray codes, NDArray toward, NDArray emaCount, double lambda) {
        int k = (int) codes.getShape().get(0);
        NDArray moved = codes.mul(scalar(codes, (float) lambda)).add(toward.mul(scalar(codes, (float) (1 - lambda))));
        NDArray sums = moved.mul(smoothed(emaCount, codes, k).expandDims(1));
        return new NDArray[] {moved, sums};
    }

    /**
     * Lloyd's k-means on the rows of {@code z}, started from {@code init} (K, D). A code that
     * attracts no row keeps its previous position.
     */
    public static NDArray kmeans(NDArray z, NDArray init, int iterations) {
        int k = (int) init.getShape().get(0);
        NDArray centres = init;
        for (int i = 0; i < iterations; i++) {
            NDArray onehot = nearest(z, centres).oneHot(k).toType(DataType.FLOAT32, false);
            NDArray counts = onehot.sum(new int[] {0});
            NDArray means = onehot.transpose().matMul(z).div(counts.maximum(scalar(z, 1f)).expandDims(1));
            NDArray empty = counts.eq(0).toType(DataType.FLOAT32, false).expandDims(1);
            centres = means.mul(empty.neg().add(scalar(z, 1f))).add(centres.mul(empty));
        }
        return centres;
    }

    /** Perplexity {@code exp(-sum p log p)} of a usage histogram: the effective number of codes used. */
    public static double perplexity(long[] usage) {
        long total = 0;
        for (long u : usage) {
            total += u;
        }
        if (total == 0) {
            return 0;
        }
        double h = 0;
        for (long u : usage) {
            if (u > 0) {
                double p = (double) u / total;
                h -= p * Math.log(p);
            }
        }
        return Math.exp(h);
    }
}
