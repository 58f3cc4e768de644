package dev.tessera.engine.reliability;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Convolution backward on random inputs, 300 trials per shape, two engine threads, in fresh
 * JVMs without {@code ONEDNN_MAX_CPU_ISA}: Tessera's {@link dev.tessera.engine.nn.GemmConv2d}
 * must never give a non-finite gradient. libtorch's own convolution ({@code library}) is the
 * watch on the library: libtorch 2.7.1's oneDNN {@code jit:avx512_core} backward_data returned
 * non-finite input gradients in 82-124 of 300 trials (8->8 channels, 4x4 maps) on AVX-512 CPUs.
 * On a CPU without AVX-512 it must be clean (otherwise that diagnosis is wrong and GEMM is not
 * the whole story); on an AVX-512 CPU its count is printed and written to
 * {@code target/library-convolution.txt}, so a libtorch upgrade shows whether the bug is gone,
 * and with {@code ONEDNN_MAX_CPU_ISA=AVX2} (the launcher's and the kernelspec's setting) it must
 * be clean too.
 */
@Tag("slow")
class ConvolutionBackwardCheckTest {

    @Test
    void tesserasConvolutionIsAlwaysFiniteAndTheLibrarysIsWatched() throws IOException {
        List<String> gemm = trials("gemm", null);
        assertThat(gemm).hasSize(3).allSatisfy(line -> assertThat(line).contains(": 0/0 of 300"));

        List<String> library = trials("library", null);
        boolean avx512 = Files.readString(Path.of("/proc/cpuinfo")).contains("avx512");
        String report = "CPU " + (avx512 ? "with" : "without") + " AVX-512, libtorch's own convolution backward:\n  "
                + String.join("\n  ", library);
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "library-convolution.txt"), report + "\n");
        if (!avx512) {
            assertThat(library).allSatisfy(line -> assertThat(line).contains(": 0/0 of 300"));
        } else {
            assertThat(trials("library", "AVX2")).allSatisfy(line -> assertThat(line).contains(": 0/0 of 300"));
        }
    }

    private static List<String> trials(String path, String isa) {
        Map<String, String> env = new HashMap<>();
        env.put("TESSERA_THREADS", "2");
        env.put("ONEDNN_MAX_CPU_ISA", isa);
        return ChildJvm.run(ConvolutionTrials.class, env, 300, path, "300");
    }
}
