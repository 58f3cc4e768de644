package dev.tessera.engine.runtime;

import java.util.Map;

/**
 * How the tensor engine runs: the device and the CPU thread counts. For tiny models one
 * intra-op thread can beat two (STACK.md), so both counts are settings, not constants.
 *
 * @param device         where tensors live
 * @param threads        intra-op threads, 1..256
 * @param interopThreads inter-op threads, 1..256
 */
public record RuntimeSettings(DeviceChoice device, int threads, int interopThreads) {

    /** Environment variable that overrides the device: {@code auto}, {@code cpu} or {@code gpu}. */
    public static final String DEVICE_ENV = "TESSERA_DEVICE";
    /** Environment variable that overrides the intra-op thread count. */
    public static final String THREADS_ENV = "TESSERA_THREADS";

    public RuntimeSettings {
        if (device == null) {
            throw new IllegalArgumentException("device must be one of auto, cpu, gpu");
        }
        if (threads < 1 || threads > 256 || interopThreads < 1 || interopThreads > 256) {
            throw new IllegalArgumentException("thread counts must be in 1..256, got threads="
                    + threads + " interopThreads=" + interopThreads);
        }
    }

    /** GPU when present, every core for intra-op work, one inter-op thread. */
    public static RuntimeSettings defaults() {
        return new RuntimeSettings(DeviceChoice.AUTO, Runtime.getRuntime().availableProcessors(), 1);
    }

    /** The defaults with {@value #DEVICE_ENV} and {@value #THREADS_ENV} applied from {@code env}. */
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
        return new RuntimeSettings(d, t, s.interopThreads());
    }

    public RuntimeSettings withDevice(DeviceChoice d) {
        return new RuntimeSettings(d, threads, interopThreads);
    }

    public RuntimeSettings withThreads(int t) {
        return new RuntimeSettings(device, t, interopThreads);
    }
}
