package dev.tessera.engine.nn;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How Tessera's convolution layers are computed.
 *
 * <p>libtorch 2.7.1's bundled oneDNN (v3.7.1) runs convolution {@code backward_data} with its
 * {@code jit:avx512_core} kernel on CPUs with AVX-512, and there it returns non-finite input
 * gradients for a few percent of calls (seen on AMD EPYC with AVX-512: 82-124 of 300 trials for
 * 8->8 channels on 4x4 maps, 4-6 of 300 on 16x16; weight gradients stayed finite). With
 * {@code ONEDNN_MAX_CPU_ISA=AVX2} in the environment when libtorch loads, the same call runs
 * {@code jit:avx2} and 0 of 300 failed. So {@link #choose} keeps libtorch's fast convolutions
 * where they are safe (no AVX-512, or the ISA capped: Tessera's launcher, kernelspec and test
 * runs set the cap) and falls back to {@link #GEMM} otherwise, e.g. for a plain-Java program
 * started without the variable on an AVX-512 machine.
 */
public enum ConvolutionPath {
    /** im2col plus one matrix product ({@link GemmConv2d}): no oneDNN convolution kernel runs; slower. */
    GEMM,
    /** libtorch's own convolution (oneDNN on most CPUs). */
    LIBRARY;

    /** The environment variable oneDNN reads when libtorch loads. */
    public static final String ISA_ENV = "ONEDNN_MAX_CPU_ISA";

    /** Values of {@value #ISA_ENV} that keep oneDNN off its AVX-512 kernels. */
    static final Set<String> SAFE_ISAS = Set.of("SSE41", "AVX", "AVX2", "AVX2_VNNI", "AVX2_VNNI_2");

    /**
     * {@link #LIBRARY} when the CPU has no AVX-512 or {@code env} caps oneDNN below it, else
     * {@link #GEMM}.
     */
    public static ConvolutionPath choose(Map<String, String> env, boolean cpuHasAvx512) {
        return !cpuHasAvx512 || isaCapped(env) ? LIBRARY : GEMM;
    }

    /** True when {@code env} holds a {@value #ISA_ENV} value below AVX-512. */
    public static boolean isaCapped(Map<String, String> env) {
        String isa = env.get(ISA_ENV);
        return isa != null && SAFE_ISAS.contains(isa.trim().toUpperCase(Locale.ROOT));
    }
}
