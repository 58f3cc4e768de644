package dev.tessera.engine.io;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.tessera.engine.runtime.TesseraRuntime;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DenseArrayTest {

    @Test
    void matricesAreRowMajor() {
        DenseArray.Floats m = DenseArray.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
        assertThat(m.shape()).containsExactly(2, 3);
        assertThat(m.data()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(m.toFloatMatrix()[1]).containsExactly(4, 5, 6);
    }

    @Test
    void raggedRowsAndWrongSizesAreRefused() {
        assertThatThrownBy(() -> DenseArray.of(new int[][] {{1, 2}, {3}})).hasMessageContaining("row 1 has 1 values but row 0 has 2")
                .hasMessageContaining("pad token sequences");
        assertThatThrownBy(() -> new DenseArray.Ints(new int[] {2, 2}, new int[3])).hasMessageContaining("holds 4 elements, got 3");
        assertThatThrownBy(() -> DenseArray.of(new float[0][])).hasMessageContaining("at least one row");
    }

    @Test
    void int64TokensNarrowToIntsOnlyWhenTheyFit() {
        assertThat(DenseArray.of(new long[] {1, 2}).toIntArray()).containsExactly(1, 2);
        assertThatThrownBy(() -> DenseArray.of(new long[] {1L << 40}).toIntArray()).hasMessageContaining("does not fit an int");
        assertThatThrownBy(() -> new DenseArray.Floats(new int[] {1}, new float[] {1}).toIntArray()).hasMessageContaining("I32 or I64");
        assertThatThrownBy(() -> DenseArray.of(new int[] {1}).toIntMatrix()).hasMessageContaining("2-D");
    }

    @Test
    void copiesDjlArraysWithTheirShape() {
        try (NDManager m = TesseraRuntime.newManager()) {
            DenseArray codes = DenseArray.of(m.arange(6f).reshape(3, 2));
            assertThat(codes).isEqualTo(DenseArray.of(new float[][] {{0, 1}, {2, 3}, {4, 5}}));
            DenseArray ids = DenseArray.of(m.create(new long[] {4, 5}, new Shape(2)));
            assertThat(ids.dtype()).isEqualTo(DType.I64);
            assertThatThrownBy(() -> DenseArray.of(m.zeros(new Shape(2), DataType.FLOAT64))).hasMessageContaining("FLOAT32");
        }
    }
}
