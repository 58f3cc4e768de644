package dev.tessera.engine.runtime;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.tessera.engine.nn.ConvolutionPath;

/**
 * The one place that starts DJL's PyTorch engine and chooses the device. Everything in
 * Tessera that needs tensors asks this class for a manager, so device and thread choices
 * are made once.
 *
 * <p>It forces offline mode itself ({@code ai.djl.offline} and {@code OPT_OUT_TRACKING}; the
 * second stops a metadata call at engine start), so no user ever passes flags and no code path reaches the network. Settings
 * come from {@link #configure} if called before first use, else from the environment
 * ({@link RuntimeSettings#fromEnvironment}).
 */
public final class TesseraRuntime {

    private static RuntimeSettings settings;
    private static Device device;
    private static NDManager root;

    private TesseraRuntime() {
    }

    /**
     * Sets device and threads before the engine starts. Calling it after the engine started
     * with different thread counts is an error (libtorch fixes them at start); a new device
     * choice is applied to managers created afterwards.
     */
    public static synchronized void configure(RuntimeSettings s) {
        if (root != null && settings != null
                && (s.threads() != settings.threads() || s.interopThreads() != settings.interopThreads())) {
            throw new IllegalStateException("the tensor engine already started with " + settings.threads()
                    + " threads; set TESSERA_THREADS before the first Tessera call (restart the kernel)");
        }
        settings = s;
        device = null;
    }

    /** The settings in force (environment-derived unless {@link #configure} was called). */
    public static synchronized RuntimeSettings settings() {
        if (settings == null) {
            settings = RuntimeSettings.fromEnvironment(System.getenv());
        }
        return settings;
    }

    /** The device every Tessera tensor is created on. */
    public static synchronized Device device() {
        if (device == null) {
            Engine engine = engine();
            int gpus = engine.getGpuCount();
            device = switch (settings().device()) {
                case CPU -> Device.cpu();
                case AUTO -> gpus > 0 ? Device.gpu() : Device.cpu();
                case GPU -> {
                    if (gpus == 0) {
                        throw new IllegalStateException("device=gpu was requested but the engine sees no GPU; "
                                + "set TESSERA_DEVICE=cpu, or point PYTORCH_LIBRARY_PATH at a CUDA libtorch "
                                + "2.7.1 and set PYTORCH_FLAVOR=cu128 (see README)");
                    }
                    yield Device.gpu();
                }
            };
        }
        return device;
    }

    /**
     * Loads libtorch's native libraries on a daemon thread, so that the first call that needs the
     * engine finds them loaded: the Tessera kernel calls it at {@code %use tessera}, while the
     * user's first cell is still being typed or compiled. Only the libraries load (after
     * {@link OpenMpWaits} and the {@link MklCpuOverride}, which must come first); threads, device and every other setting are
     * still applied when the engine starts, so {@link #configure} stays valid until then. A
     * failure here is not reported here: the engine's start meets it again and reports it.
     * Returns the thread, for a caller that wants to wait for it.
     */
    public static Thread preloadInBackground() {
        Thread t = new Thread(() -> {
            try {
                preloadNative();
            } catch (RuntimeException | LinkageError e) {
                // the engine start repeats the load and reports its own error
            }
        }, "tessera-preload");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static synchronized void preloadNative() {
        if (root != null) {
            return;
        }
        long started = System.nanoTime();
        forceOffline();
        OpenMpWaits.prepare(System.getenv());
        MklCpuOverride.prepare(System.getenv());
        ai.djl.pytorch.jni.LibUtils.loadLibrary();
        StartupTimings.first("native libraries preloaded (background)", started);
    }

    /** The PyTorch engine, started offline on first call. */
    public static Engine engine() {
        // timed from the call, so a wait for the background preload counts as engine start
        return engine(System.nanoTime());
    }

    private static synchronized Engine engine(long called) {
        if (root == null) {
            RuntimeSettings s = settings();
            forceOffline();
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(s.threads()));
            System.setProperty("ai.djl.pytorch.num_interop_threads", Integer.toString(s.interopThreads()));
            // before libtorch loads: OpenMP reads its wait policy once, the dynamic linker binds oneMKL's CPU check once
            OpenMpWaits.prepare(System.getenv());
            MklCpuOverride.prepare(System.getenv());
            Engine engine = Engine.getEngine("PyTorch");
            NDManager base = engine.newBaseManager(Device.cpu());
            // a failed self-test throws with root still unset: every later call fails the same way
            MklCpuOverride.verify(base);
            root = base;
            StartupTimings.first("engine start", called);
            boolean uncapped = CpuFeatures.hasAvx512() && !ConvolutionPath.isaCapped(System.getenv());
            if (uncapped && s.convolutions() == ConvolutionPath.LIBRARY) {
                System.err.println("Tessera: WARNING: libtorch's own convolutions were chosen on a CPU with AVX-512 without "
                        + ConvolutionPath.ISA_ENV + "=AVX2; their backward pass returns non-finite gradients there, so"
                        + " training may fail with NonFiniteGradientException. Unset " + RuntimeSettings.CONVOLUTION_ENV
                        + " or set " + ConvolutionPath.ISA_ENV + "=AVX2 before Java starts.");
            }
            if (uncapped && s.convolutions() == ConvolutionPath.GEMM && System.getenv(RuntimeSettings.CONVOLUTION_ENV) == null) {
                System.err.println("Tessera: this CPU has AVX-512 and " + ConvolutionPath.ISA_ENV + " is not set, so"
                        + " convolutions run on Tessera's slower GEMM path (libtorch's oneDNN convolution backward returns"
                        + " non-finite gradients there). For full speed, start Java with " + ConvolutionPath.ISA_ENV
                        + "=AVX2 in the environment (./tessera and the Tessera kernel do).");
            }
        }
        return Engine.getEngine("PyTorch");
    }

    /**
     * Sets DJL's offline switches ({@code ai.djl.offline}, {@code OPT_OUT_TRACKING}); idempotent.
     * Called before the tensor engine starts, and by native DJL parts that do not start it
     * (the HuggingFace tokenizer binding queries the EC2 metadata service on creation unless
     * one of them is set).
     */
    public static void forceOffline() {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
    }

    /** A new manager on the chosen device; close it to free its tensors. */
    public static NDManager newManager() {
        Device d = device();
        synchronized (TesseraRuntime.class) {
            return root.newSubManager(d);
        }
    }
}
