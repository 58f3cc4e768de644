package dev.tessera.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.tessera.engine.quantize.Codebooks;
import dev.tessera.engine.runtime.TesseraRuntime;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;
import java.util.function.BinaryOperator;
import java.util.function.Function;

/**
 * Nearest-code search ({@link Codebooks#nearest}) beside the plain matmul of the same shape,
 * {@code z (N, D) x codebook^T (D, K)}, in the same run: the matmul is the reference the
 * search's GFLOP/s is quoted against ({@code 2*N*K*D} flops for both, see
 * {@link ResultsTable}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NearestCodeBench {

    /** Rows of z. */
    @Param("4096")
    public int n;
    /** Codes in the codebook. */
    @Param("4096")
    public int k;
    /** Width of rows and codes. */
    @Param("256")
    public int d;

    private NDArray z;
    private NDArray codebook;

    /** Standard-normal fp32 inputs on a manager from {@code TesseraRuntime}. */
    @Setup(Level.Trial)
    public void setUp(EngineState engine) {
        NDManager m = engine.manager();
        TesseraRuntime.engine().setRandomSeed(7);
        z = m.randomNormal(new Shape(n, d));
        codebook = m.randomNormal(new Shape(k, d));
    }

    /** Index of the nearest code of each row. */
    @Benchmark
    public long[] nearest() {
        return run(Codebooks::nearest, NDArray::toLongArray);
    }

    /** The reference: the same-shape matmul alone. */
    @Benchmark
    public float matmul() {
        // one element is read back: the (N, K) product is computed but not copied to Java
        return run((a, b) -> a.matMul(b.transpose()), p -> p.getFloat(0, 0));
    }

    private <T> T run(BinaryOperator<NDArray> op, Function<NDArray, T> read) {
        // intermediates attach to the first operand's manager: a per-call manager frees them
        try (NDManager call = z.getManager().newSubManager()) {
            z.tempAttach(call);
            codebook.tempAttach(call);
            return read.apply(op.apply(z, codebook));
        }
    }
}
