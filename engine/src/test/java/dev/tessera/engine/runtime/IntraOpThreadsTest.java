package dev.tessera.engine.runtime;

import dev.tessera.engine.reliability.ChildJvm;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntraOpThreadsTest {

    /**
     * In a fresh two-thread engine: a scope lowers the calling thread's count and restores it, a
     * thread that already ran libtorch keeps its own count meanwhile, and {@code forRows} draws
     * the line at {@link IntraOpThreads#SMALL_ROWS}.
     */
    @Test
    void aScopeLowersOnlyTheCallingThreadsCountAndRestoresIt() {
        List<String> out = ChildJvm.run(TwoThreadEngine.class, Map.of(RuntimeSettings.THREADS_ENV, "2"), 120);
        assertThat(out).contains("engine=2", "other-before=2", "inside=1", "other-inside=2", "after=2", "small=1", "large=2",
                "product=ok");
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> IntraOpThreads.atMost(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }

    /** Prints the counts the test reads, one {@code key=value} per line. */
    public static final class TwoThreadEngine {
        public static void main(String[] args) throws Exception {
            ExecutorService other = Executors.newSingleThreadExecutor();
            try {
                System.out.println("engine=" + IntraOpThreads.current());
                // the other thread asks libtorch first, which seeds its count (as any parallel operation does)
                System.out.println("other-before=" + CompletableFuture.supplyAsync(IntraOpThreads::current, other).get());
                try (IntraOpThreads scope = IntraOpThreads.atMost(1)) {
                    System.out.println("inside=" + IntraOpThreads.current());
                    System.out.println("other-inside=" + CompletableFuture.supplyAsync(IntraOpThreads::current, other).get());
                    System.out.println(product());
                }
                System.out.println("after=" + IntraOpThreads.current());
                try (IntraOpThreads scope = IntraOpThreads.forRows(IntraOpThreads.SMALL_ROWS)) {
                    System.out.println("small=" + IntraOpThreads.current());
                }
                try (IntraOpThreads scope = IntraOpThreads.forRows(IntraOpThreads.SMALL_ROWS + 1)) {
                    System.out.println("large=" + IntraOpThreads.current());
                }
            } finally {
                other.shutdown();
            }
        }

        static String product() {
            try (var m = TesseraRuntime.newManager()) {
                float[] c = m.create(new float[] {1, 2, 3, 4}, new ai.djl.ndarray.types.Shape(2, 2))
                        .matMul(m.create(new float[] {5, 6, 7, 8}, new ai.djl.ndarray.types.Shape(2, 2))).toFloatArray();
                return java.util.Arrays.equals(c, new float[] {19, 22, 43, 50}) ? "product=ok" : "product=wrong";
            }
        }
    }
}
