package dev.tessera.engine.runtime;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

import java.util.Locale;
import java.util.Map;

/**
 * Makes libtorch's OpenMP threads sleep, not spin, while they wait for work, unless the user chose
 * otherwise. libtorch runs its intra-op threads on GNU OpenMP, whose threads by default spin for a
 * while after each parallel region. Alone on its cores that costs nothing; but when two Tessera
 * processes share the cores (two notebook kernels, a kernel and a training command) each one's
 * spinning threads take the CPU the other needs, and generating an image took about 25 times
 * longer (measured on two cores: 2.7–3.0 s per image against 0.11–0.12 s alone;
 * {@code bench/two-processes.sh}). With {@code OMP_WAIT_POLICY=PASSIVE} the two took 0.14–0.16 s
 * per image, and one alone ran as fast as before ({@code bench/wait-policy.sh}).
 *
 * <p>GNU OpenMP reads {@value #ENV} once, when the library loads. Tessera sets it in the process's
 * own environment (C {@code setenv}, without overwriting) before libtorch loads, so a plain-Java
 * program gets it without any flag; the launcher and the kernelspec also put it in the environment
 * they start Java with. A choice the user made always wins: {@code OMP_WAIT_POLICY=ACTIVE} spins
 * without end, and {@code GOMP_SPINCOUNT} alone (e.g. {@code 300000}, GNU OpenMP's own default)
 * restores the spinning of old. Nothing changes once libtorch has loaded (a program that loaded it before Tessera):
 * {@link #status} says so.
 */
public final class OpenMpWaits {

    /** The variable GNU OpenMP reads: {@code PASSIVE} (sleep) or {@code ACTIVE} (spin). */
    public static final String ENV = "OMP_WAIT_POLICY";
    /** Tessera's choice when the user made none. */
    public static final String DEFAULT = "PASSIVE";
    /** GNU OpenMP's own spin count variable: set by the user, it is a choice too. */
    public static final String SPIN_ENV = "GOMP_SPINCOUNT";

    private static String status = "not set yet: the tensor engine has not started";

    private OpenMpWaits() {
    }

    /** The policy this process's OpenMP runs with, and who chose it. */
    public static synchronized String status() {
        return status;
    }

    /**
     * Puts {@value #DEFAULT} into the native environment unless {@value #ENV} is already there. Must
     * run before libtorch loads ({@link TesseraRuntime} calls it first); idempotent.
     */
    static synchronized void prepare(Map<String, String> env) {
        String started = env.get(ENV);
        if (started != null && !started.isBlank()) {
            status = started.trim().toUpperCase(Locale.ROOT) + " (" + ENV + " set by the user)";
            return;
        }
        String spins = env.get(SPIN_ENV);
        if (spins != null && !spins.isBlank()) {
            status = "spinning " + spins.trim() + " times (" + SPIN_ENV + " set by the user)";
            return;
        }
        try {
            NativeLibrary c = NativeLibrary.getInstance("c");
            Pointer current = (Pointer) c.getFunction("getenv").invoke(Pointer.class, new Object[] {ENV});
            if (current != null) {
                status = current.getString(0).toUpperCase(Locale.ROOT) + " (" + ENV + " already in the process environment)";
                return;
            }
            int failed = c.getFunction("setenv").invokeInt(new Object[] {ENV, DEFAULT, 0});
            status = failed == 0 ? DEFAULT + " (Tessera's default; " + SPIN_ENV + "=300000 restores OpenMP's own)"
                    : "the OpenMP default: setenv failed";
        } catch (UnsatisfiedLinkError e) {
            status = "the OpenMP default: the C library was not found (" + e.getMessage() + ")";
        }
        if (!status.startsWith(DEFAULT)) {
            // not silent: two processes on shared cores now slow each other down badly
            System.err.println("Tessera: WARNING: could not set " + ENV + "=" + DEFAULT + " (" + status
                    + "); start Java with " + ENV + "=" + DEFAULT + " in the environment.");
        }
    }
}
