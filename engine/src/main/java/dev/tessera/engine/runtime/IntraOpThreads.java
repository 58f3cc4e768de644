package dev.tessera.engine.runtime;

import ai.djl.pytorch.jni.JniUtils;

/**
 * Runs a stretch of small operations on fewer of libtorch's intra-op threads than the engine
 * was started with, and restores the count when closed:
 * {@code try (IntraOpThreads t = IntraOpThreads.atMost(1)) { ... }}.
 *
 * <p>Why: a one-token decoding step is about 130 tiny operations (a few rows times the model's
 * width). On two threads every one of them wakes the second OpenMP thread, which sleeps while it
 * waits ({@link OpenMpWaits}), and the wake-ups cost more than the work they share: generating 8
 * images with guidance took 77–116 ms per image on two threads against 44–46 on one (2-core AMD
 * EPYC, {@code UnifiedBench}). At 32 images (64 rows) both counts are even, at 128 two threads
 * win by about 5%, so {@link #forRows} keeps the engine's count above {@link #SMALL_ROWS} rows.
 * A grid tokenizer's encoder pass over a single image is the same kind of work
 * ({@code GridTokenizer#encode}).
 *
 * <p>The count is the calling thread's: libtorch keeps it in OpenMP's per-thread settings and
 * oneMKL's thread-local count, so other Java threads that already ran libtorch's parallel
 * operations keep theirs ({@code IntraOpThreadsTest}). A thread whose count libtorch seeds while a
 * scope is open elsewhere (at its first parallel operation) is seeded from the last count set,
 * the scope's, and keeps it; so scopes are short, cover only the small steps, and always restore.
 * Setting the count also makes libtorch drop its cache of oneDNN convolution primitives
 * ({@code at::set_num_threads}), so the next convolution builds them again; the single-image
 * encode measured faster all the same.
 */
public final class IntraOpThreads implements AutoCloseable {

    /** Rows up to which a one-token step runs on one thread (measured: even at 64, slower on two below). */
    public static final int SMALL_ROWS = 64;

    private final int restore;

    private IntraOpThreads(int restore) {
        this.restore = restore;
    }

    /**
     * Limits the calling thread to at most {@code threads} intra-op threads until closed; a limit
     * at or above the current count changes nothing.
     */
    public static IntraOpThreads atMost(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("intra-op threads must be at least 1, got " + threads);
        }
        TesseraRuntime.engine();
        int current = JniUtils.getNumThreads();
        if (threads >= current) {
            return new IntraOpThreads(0);
        }
        JniUtils.setNumThreads(threads);
        return new IntraOpThreads(current);
    }

    /** One thread for steps of at most {@link #SMALL_ROWS} rows, the engine's count above. */
    public static IntraOpThreads forRows(int rows) {
        return rows <= SMALL_ROWS ? atMost(1) : unchanged();
    }

    /** A scope that changes nothing, for code that limits its threads only in some cases. */
    public static IntraOpThreads unchanged() {
        return new IntraOpThreads(0);
    }

    /** The calling thread's intra-op thread count now. */
    public static int current() {
        TesseraRuntime.engine();
        return JniUtils.getNumThreads();
    }

    /** Restores the count this scope replaced. */
    @Override
    public void close() {
        if (restore > 0) {
            JniUtils.setNumThreads(restore);
        }
    }
}
