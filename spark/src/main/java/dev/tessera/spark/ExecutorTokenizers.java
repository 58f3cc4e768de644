package dev.tessera.spark;

import dev.tessera.engine.corpus.CorpusTokenizer;
import dev.tessera.engine.corpus.TokenizerRef;
import dev.tessera.engine.runtime.RuntimeSettings;
import dev.tessera.engine.runtime.TesseraRuntime;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The tokenizers of one executor JVM: loaded from their checkpoint once and reused by every task
 * that JVM runs, never once per task. A tokenizer is not thread-safe, and an executor runs as many
 * tasks at once as it has cores, so each concurrent task borrows its own copy and returns it:
 * the JVM holds at most one copy per task slot. The first borrow also pins libtorch to one
 * intra-op thread, since the executor's parallelism is its tasks (one core each).
 */
final class ExecutorTokenizers {

    private static final Map<String, Deque<CorpusTokenizer>> IDLE = new HashMap<>();
    private static boolean configured;

    private ExecutorTokenizers() {
    }

    /** Runs {@code work} with a tokenizer of {@code ref} that no other task uses meanwhile. */
    static <R> R with(TokenizerRef ref, String checkpoint, boolean psnr, Function<CorpusTokenizer, R> work) {
        String key = ref.text() + "@" + checkpoint + (psnr ? "+psnr" : "");
        CorpusTokenizer t = borrow(key);
        if (t == null) {
            t = new CorpusTokenizer(ref.load(), checkpoint, psnr);
        }
        try {
            return work.apply(t);
        } finally {
            release(key, t);
        }
    }

    /**
     * Pins libtorch to one thread and starts it in this JVM now: a local master's driver is its
     * executor too, so the job's timing then starts with libtorch loaded, as the single-JVM run's does.
     */
    static synchronized void warmUp() {
        configure();
        TesseraRuntime.engine();
    }

    private static synchronized void configure() {
        if (!configured) {
            RuntimeSettings s = TesseraRuntime.settings();
            if (s.threads() != 1) {
                TesseraRuntime.configure(new RuntimeSettings(s.device(), 1, 1, s.convolutions()));
            }
            // under spark-submit the user jar has its own class loader: make ImageIO see TwelveMonkeys' reader
            javax.imageio.ImageIO.scanForPlugins();
            configured = true;
        }
    }

    private static synchronized CorpusTokenizer borrow(String key) {
        configure();
        Deque<CorpusTokenizer> idle = IDLE.get(key);
        return idle == null ? null : idle.poll();
    }

    private static synchronized void release(String key, CorpusTokenizer t) {
        IDLE.computeIfAbsent(key, k -> new ArrayDeque<>()).push(t);
    }

    /** Copies loaded in this JVM so far (idle ones), for tests. */
    static synchronized int idleCopies() {
        return IDLE.values().stream().mapToInt(Deque::size).sum();
    }
}
