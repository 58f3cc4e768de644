package dev.tessera.bench;

import ai.djl.ndarray.NDManager;
import dev.tessera.engine.runtime.RuntimeSettings;
import dev.tessera.engine.runtime.TesseraRuntime;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The tensor engine of one JMH fork, started with {@link #threads} intra-op threads. JMH
 * runs every parameter combination in its own JVM, and libtorch fixes its thread count at
 * start, so the count is a benchmark parameter ({@code -p threads=1,2}) that is applied
 * before anything touches the engine. Benchmarks take this state as a {@code @Setup}
 * argument so it is set up first.
 */
@State(Scope.Benchmark)
public class EngineState {

    /** Intra-op threads of the engine in this fork; {@code tools/bench} passes it explicitly. */
    @Param("2")
    public int threads;

    private NDManager manager;

    /** Configures and starts the engine, then opens a manager for the benchmark's tensors. */
    @Setup(Level.Trial)
    public void start() {
        TesseraRuntime.configure(RuntimeSettings.fromEnvironment(System.getenv()).withThreads(threads));
        manager = TesseraRuntime.newManager();
    }

    /** The fork's long-lived manager (inputs that outlive one invocation). */
    public NDManager manager() {
        return manager;
    }

    @TearDown(Level.Trial)
    public void stop() {
        manager.close();
    }
}
