package dev.tessera.engine.reliability;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every trainer (grid tokenizers with VQ, residual VQ and FSQ; the SeTok-style tokenizer; the
 * scene judge; the unified model), ten fresh initialisations each, a few steps, in four fresh
 * JVMs: two on one engine thread and two on two. Each run must take every step (a non-finite
 * gradient in a fresh run's first steps is an error, {@code NonFiniteGradientException}, and
 * none may be skipped), and two JVMs with the same thread count must print the same losses to
 * the bit. The children run without {@code ONEDNN_MAX_CPU_ISA}, as a plain-Java user of the
 * engine would: the protection must not depend on the environment.
 *
 * <p>The children run with a 2 MB young generation, so a garbage collection happens every few
 * tensor operations: a gradient that reads freed memory then shows in every JVM instead of now
 * and then. This is the test that caught DJL's scalar-operand use-after-free
 * ({@link dev.tessera.engine.nn.Tensors#scalar}); with the engine's arithmetic as it was before
 * that fix, 3-4 of the 60 trainings of every child failed.
 */
@Tag("slow")
class FreshTrainingsTest {

    static final int SEEDS = 10;
    static final int STEPS = 4;

    @Test
    void everyTrainerTakesEveryStepAndRepeatsBitForBitAtAFixedThreadCount() {
        for (int threads : new int[] {1, 2}) {
            List<String> first = child(threads);
            List<String> second = child(threads);
            assertThat(first).as("one line per trainer and seed").hasSize(FreshTrainings.TRAINERS.size() * SEEDS);
            assertThat(first).allSatisfy(line -> assertThat(line).as("threads=%d", threads).doesNotContain("ERROR")
                    .contains(" skipped=0 "));
            assertThat(second).as("a second fresh JVM on %d thread(s) gives the same losses bit for bit", threads)
                    .containsExactlyElementsOf(first);
        }
    }

    /**
     * The fallback a plain-Java program gets on an AVX-512 CPU without the oneDNN cap
     * ({@link dev.tessera.engine.nn.GemmConv2d}), forced here so every CPU tests it through every trainer.
     */
    @Test
    void theGemmConvolutionFallbackTrainsEveryTrainerAndRepeats() {
        List<String> first = child(1, "gemm");
        assertThat(first).hasSize(FreshTrainings.TRAINERS.size() * SEEDS)
                .allSatisfy(line -> assertThat(line).doesNotContain("ERROR").contains(" skipped=0 "));
        assertThat(child(1, "gemm")).containsExactlyElementsOf(first);
    }

    private static List<String> child(int threads) {
        return child(threads, null);
    }

    private static List<String> child(int threads, String convolution) {
        Map<String, String> env = new HashMap<>();
        env.put("TESSERA_THREADS", Integer.toString(threads));
        env.put("ONEDNN_MAX_CPU_ISA", null);
        env.put("TESSERA_CONVOLUTION", convolution);
        return ChildJvm.run(FreshTrainings.class, List.of("-Xmn2m"), env, 300, Integer.toString(SEEDS), Integer.toString(STEPS));
    }
}
