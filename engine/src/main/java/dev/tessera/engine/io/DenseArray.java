package dev.tessera.engine.io;

import ai.djl.ndarray.NDArray;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A dense array in JVM memory, row-major (C order), of one {@link DType}: what Tessera writes
 * to and reads from {@code .npy} and {@code .safetensors} files. A codebook is a float32
 * {@code K x D} array; token sequences are int32 or int64 arrays, 1-D for one sequence or
 * 2-D for a batch of equal-length ones.
 *
 * <pre>{@code
 * DenseArray codes = DenseArray.of(quantizer.getParameters().get("codebook").getArray()); // (K, D) float32
 * DenseArray tokens = DenseArray.of(grids.stream().map(TokenGrid::ids).toArray(int[][]::new)); // (N, T) int32
 * NpyFile.write(Path.of("codebook.npy"), codes);
 * }</pre>
 */
public sealed interface DenseArray {

    /** The element type. */
    DType dtype();

    /** The size of every dimension (a copy); empty for a scalar. */
    int[] shape();

    /** Number of elements: the product of the shape. */
    default long size() {
        return elements(shape());
    }

    /** Number of dimensions. */
    default int rank() {
        return shape().length;
    }

    /** float32 values. */
    record Floats(int[] shape, float[] data) implements DenseArray {
        public Floats {
            shape = checked(shape, data.length);
        }

        @Override
        public DType dtype() {
            return DType.F32;
        }

        @Override
        public int[] shape() {
            return shape.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Floats f && Arrays.equals(shape, f.shape) && Arrays.equals(data, f.data);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "DenseArray[F32 " + Arrays.toString(shape) + "]";
        }
    }

    /** int32 values. */
    record Ints(int[] shape, int[] data) implements DenseArray {
        public Ints {
            shape = checked(shape, data.length);
        }

        @Override
        public DType dtype() {
            return DType.I32;
        }

        @Override
        public int[] shape() {
            return shape.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Ints f && Arrays.equals(shape, f.shape) && Arrays.equals(data, f.data);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "DenseArray[I32 " + Arrays.toString(shape) + "]";
        }
    }

    /** int64 values. */
    record Longs(int[] shape, long[] data) implements DenseArray {
        public Longs {
            shape = checked(shape, data.length);
        }

        @Override
        public DType dtype() {
            return DType.I64;
        }

        @Override
        public int[] shape() {
            return shape.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Longs f && Arrays.equals(shape, f.shape) && Arrays.equals(data, f.data);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "DenseArray[I64 " + Arrays.toString(shape) + "]";
        }
    }

    /** A float32 matrix, e.g. a codebook of K rows of D values; every row must have the same length. */
    static Floats of(float[][] rows) {
        int cols = columns(rows.length, rows.length == 0 ? 0 : rows[0].length);
        float[] data = new float[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            sameLength(r, rows[r].length, cols);
            System.arraycopy(rows[r], 0, data, r * cols, cols);
        }
        return new Floats(new int[] {rows.length, cols}, data);
    }

    /** A 1-D int32 array, e.g. one token sequence. */
    static Ints of(int[] values) {
        return new Ints(new int[] {values.length}, values.clone());
    }

    /** A 2-D int32 array, e.g. a batch of equal-length token sequences. */
    static Ints of(int[][] rows) {
        int cols = columns(rows.length, rows.length == 0 ? 0 : rows[0].length);
        int[] data = new int[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            sameLength(r, rows[r].length, cols);
            System.arraycopy(rows[r], 0, data, r * cols, cols);
        }
        return new Ints(new int[] {rows.length, cols}, data);
    }

    /** A 1-D int64 array. */
    static Longs of(long[] values) {
        return new Longs(new int[] {values.length}, values.clone());
    }

    /** A 2-D int64 array. */
    static Longs of(long[][] rows) {
        int cols = columns(rows.length, rows.length == 0 ? 0 : rows[0].length);
        long[] data = new long[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            sameLength(r, rows[r].length, cols);
            System.arraycopy(rows[r], 0, data, r * cols, cols);
        }
        return new Longs(new int[] {rows.length, cols}, data);
    }

    /** A copy of a DJL array of type float32, int32 or int64, with its shape. */
    static DenseArray of(NDArray array) {
        long[] dims = array.getShape().getShape();
        int[] shape = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("dimension " + i + " of " + array.getShape() + " is too large to export");
            }
            shape[i] = (int) dims[i];
        }
        return switch (array.getDataType()) {
            case FLOAT32 -> new Floats(shape, array.toFloatArray());
            case INT32 -> new Ints(shape, array.toIntArray());
            case INT64 -> new Longs(shape, array.toLongArray());
            default -> throw new IllegalArgumentException("cannot export a " + array.getDataType()
                    + " array; convert it first with array.toType(DataType.FLOAT32, false) (or INT32/INT64 for ids)");
        };
    }

    /** This float32 matrix as rows, e.g. a codebook's K code vectors. */
    default float[][] toFloatMatrix() {
        if (!(this instanceof Floats f) || rank() != 2) {
            throw new IllegalArgumentException("expected a 2-D F32 array (e.g. a K x D codebook), got " + this);
        }
        int[] s = f.shape();
        float[][] out = new float[s[0]][];
        for (int r = 0; r < s[0]; r++) {
            out[r] = Arrays.copyOfRange(f.data(), r * s[1], (r + 1) * s[1]);
        }
        return out;
    }

    /** This 1-D int32 or int64 array as ints (int64 values must fit). */
    default int[] toIntArray() {
        if (rank() != 1) {
            throw new IllegalArgumentException("expected a 1-D token array, got " + this + "; use toIntMatrix for 2-D");
        }
        return intData();
    }

    /** This 2-D int32 or int64 array as rows of ints (int64 values must fit). */
    default int[][] toIntMatrix() {
        if (rank() != 2) {
            throw new IllegalArgumentException("expected a 2-D token array, got " + this + "; use toIntArray for 1-D");
        }
        int[] flat = intData();
        int[] s = shape();
        int[][] out = new int[s[0]][];
        for (int r = 0; r < s[0]; r++) {
            out[r] = Arrays.copyOfRange(flat, r * s[1], (r + 1) * s[1]);
        }
        return out;
    }

    private int[] intData() {
        if (this instanceof Ints i) {
            return i.data().clone();
        }
        if (this instanceof Longs l) {
            int[] out = new int[l.data().length];
            for (int k = 0; k < out.length; k++) {
                long v = l.data()[k];
                if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("element " + k + " = " + v + " does not fit an int; read it with ((Longs) a).data()");
                }
                out[k] = (int) v;
            }
            return out;
        }
        throw new IllegalArgumentException("expected token ids (I32 or I64), got " + this);
    }

    /** The elements as little-endian bytes, in C order. */
    default void writeTo(ByteBuffer out) {
        ByteBuffer le = out.order(ByteOrder.LITTLE_ENDIAN);
        if (this instanceof Floats f) {
            le.asFloatBuffer().put(f.data());
        } else if (this instanceof Ints i) {
            le.asIntBuffer().put(i.data());
        } else {
            le.asLongBuffer().put(((Longs) this).data());
        }
        out.position(out.position() + (int) (size() * dtype().bytes()));
    }

    /** Reads {@code elements(shape)} little-endian elements of {@code type} from {@code in}. */
    static DenseArray readFrom(DType type, int[] shape, ByteBuffer in) {
        int n = (int) elements(shape);
        ByteBuffer le = in.slice().order(ByteOrder.LITTLE_ENDIAN);
        DenseArray a = switch (type) {
            case F32 -> {
                float[] d = new float[n];
                le.asFloatBuffer().get(d);
                yield new Floats(shape, d);
            }
            case I32 -> {
                int[] d = new int[n];
                le.asIntBuffer().get(d);
                yield new Ints(shape, d);
            }
            case I64 -> {
                long[] d = new long[n];
                le.asLongBuffer().get(d);
                yield new Longs(shape, d);
            }
        };
        in.position(in.position() + n * type.bytes());
        return a;
    }

    /** The product of {@code shape}; throws when a dimension is negative or the product exceeds one Java array. */
    static long elements(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("dimensions cannot be negative, got " + Arrays.toString(shape));
            }
            n *= d;
            if (n > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds more elements than one Java array");
            }
        }
        return n;
    }

    private static int[] checked(int[] shape, int length) {
        if (elements(shape) != length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + elements(shape)
                    + " elements, got " + length + " values");
        }
        return shape.clone();
    }

    private static int columns(int rows, int firstRow) {
        if (rows == 0) {
            throw new IllegalArgumentException("a matrix needs at least one row (its row length sets the second dimension)");
        }
        return firstRow;
    }

    private static void sameLength(int row, int length, int cols) {
        if (length != cols) {
            throw new IllegalArgumentException("row " + row + " has " + length + " values but row 0 has " + cols
                    + "; rows of a 2-D array must have one length (pad token sequences first)");
        }
    }
}
