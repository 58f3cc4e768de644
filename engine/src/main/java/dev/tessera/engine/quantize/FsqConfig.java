package dev.tessera.engine.quantize;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Finite scalar quantization (Mentzer et al. 2023): the input is projected to a few
 * dimensions, each bounded and rounded to one of a few levels. The implicit codebook is the
 * grid of all level combinations, so there is nothing to collapse and no codebook loss.
 *
 * @param levels  levels per dimension, each 2..64 (e.g. 8,5,5,5 = 1000 codes)
 * @param codeDim width of the vectors taken and returned (projected to {@code levels.length} dims inside)
 */
public record FsqConfig(int[] levels, int codeDim) implements QuantizerConfig {

    public FsqConfig {
        if (levels == null || levels.length < 1 || levels.length > 16) {
            throw new IllegalArgumentException("FSQ needs 1..16 dimensions of levels, e.g. [8, 5, 5, 5]");
        }
        long k = 1;
        for (int l : levels) {
            if (l < 2 || l > 64) {
                throw new IllegalArgumentException("each FSQ dimension needs 2..64 levels, got " + Arrays.toString(levels));
            }
            k *= l;
        }
        if (k > 65536) {
            throw new IllegalArgumentException("FSQ levels " + Arrays.toString(levels) + " give " + k
                    + " codes; at most 65536 are allowed");
        }
        if (codeDim < 1) {
            throw new IllegalArgumentException("codeDim must be >= 1, got " + codeDim);
        }
        levels = levels.clone();
    }

    /** 8x6x5 = 240 codes, the FSQ paper's recommendation for ~2^8 codes: comparable with a 256-code VQ. */
    public static FsqConfig standard() {
        return new FsqConfig(new int[] {8, 6, 5}, 32);
    }

    /** 4x4 = 16 codes, for tests. */
    public static FsqConfig tiny() {
        return new FsqConfig(new int[] {4, 4}, 8);
    }

    @Override
    public int[] levels() {
        return levels.clone();
    }

    @Override
    public int codebookSize() {
        int k = 1;
        for (int l : levels) {
            k *= l;
        }
        return k;
    }

    @Override
    public int depth() {
        return 1;
    }

    @Override
    public Quantizer create() {
        return new ScalarQuantizer(this);
    }

    @Override
    public String describe() {
        return "FSQ " + Arrays.stream(levels).mapToObj(Integer::toString).collect(Collectors.joining("x"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FsqConfig f && codeDim == f.codeDim && Arrays.equals(levels, f.levels);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(levels) + codeDim;
    }

    @Override
    public String toString() {
        return "FsqConfig[levels=" + Arrays.toString(levels) + ", codeDim=" + codeDim + "]";
    }

    /**
     * The digits of code {@code id} on a grid of {@code levels}: the id is the mixed-radix number
     * {@code d0 + L0 (d1 + L1 (d2 + ...))}, the first number varying fastest.
     */
    public static int[] digits(long id, int[] levels) {
        int[] d = new int[levels.length];
        long rest = id;
        for (int k = 0; k < levels.length; k++) {
            d[k] = (int) (rest % levels[k]);
            rest /= levels[k];
        }
        return d;
    }
}
