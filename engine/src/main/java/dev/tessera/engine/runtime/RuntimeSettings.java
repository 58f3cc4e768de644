package dev.tessera.engine.runtime;

import dev.tessera.engine.nn.ConvolutionPath;

import java.util.Locale;
import java.util.Map;

/**
 * How the tensor engine runs: the device, the CPU thread counts and how convolutions are
 * computed. For tiny models one intra-op thread can beat two, so both counts are settings, not
 * constants.
 *
 * @param device         where tensors live
 * @param threads        intra-op threads, 1..256
 * @param interopThreads inter-op threads, 1..256
 * @param convolutions   how convolution layers built from now on compute: {@value #CONVOLUTION_ENV}
 *                       when set, else {@link ConvolutionPath#choose} (libtorch's own unless that is
 *                       unsafe on this CPU)
 */
public record RuntimeSettings(DeviceChoice device, int threads, int interopThreads, ConvolutionPath convolutions) {

    /** Environment variable that overrides the device: {@code auto}, {@code cpu} or {@code gpu}. */
    public static final String DEVICE_ENV = "TESSERA_DEVICE";
    /** Environment variable that overrides the intra-op thread count. */
    public static final String THREADS_ENV = "TESSERA_THREADS";
    /**
     * Environment variable that forces the convolution path: {@code gemm} or {@code library};
     * unset, {@link ConvolutionPath#choose} decides.
     */
    public static final String CONVOLUTION_ENV = "TESSERA_CONVOLUTION";

    public RuntimeSettings {
        if (device == null) {
            throw new IllegalArgumentException("device must be one of auto, cpu, gpu");
        }
        if (convolutions == null) {
            throw new IllegalArgumentException("convolutions must be one of gemm, library");
        }
        if (threads < 1 || threads > 256 || interopThreads < 1 || interopThreads > 256) {
            throw new IllegalArgumentException("thread counts must be in 1..256, got threads="
                    + threads + " interopThreads=" + interopThreads);
        }
    }

    /**
     * GPU when present, every core for intra-op work, one inter-op thread, libtorch's convolutions
     * where they are safe with this process's environment.
     */
    public static RuntimeSettings defaults() {
        return new RuntimeSettings(DeviceChoice.AUTO, Runtime.getRuntime().availableProcessors(), 1,
                ConvolutionPath.choose(System.getenv(), CpuFeatures.hasAvx512()));
    }

    /**
     * The defaults with {@value #DEVICE_ENV}, {@value #THREADS_ENV} and {@value #CONVOLUTION_ENV}
     * applied from {@code env}.
     */
    public static RuntimeSettings fromEnvironment(Map<String, String> env) {
        RuntimeSettings s = defaults();
        String device = env.get(DEVICE_ENV);
        String threads = env.get(THREADS_ENV);
        DeviceChoice d = device == null || device.isBlank() ? s.device() : DeviceChoice.parse(device);
        int t = s.threads();
        if (threads != null && !threads.isBlank()) {
            try {
                t = Integer.parseInt(threads.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(THREADS_ENV + "='" + threads + "' is not a whole number");
            }
        }
        ConvolutionPath safe = ConvolutionPath.choose(env, CpuFeatures.hasAvx512());
        return new RuntimeSettings(d, t, s.interopThreads(), convolutionPath(env.get(CONVOLUTION_ENV), safe));
    }

    private static ConvolutionPath convolutionPath(String value, ConvolutionPath fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return ConvolutionPath.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(CONVOLUTION_ENV + "='" + value + "' is not a convolution path; use gemm or library");
        }
    }

    public RuntimeSettings withDevice(DeviceChoice d) {
        return new RuntimeSettings(d, threads, interopThreads, convolutions);
    }

    public RuntimeSettings withThreads(int t) {
        return new RuntimeSettings(device, t, interopThreads, convolutions);
    }

    public RuntimeSettings withConvolutions(ConvolutionPath path) {
        return new RuntimeSettings(device, threads, interopThreads, path);
    }
}
