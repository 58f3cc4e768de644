package dev.tessera.engine.runtime;

import com.sun.jna.Function;
import com.sun.jna.Library;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Lets libtorch's bundled oneMKL use AVX-512 on CPUs that are not Intel's. oneMKL picks its
 * kernels at the first matrix product and, on a CPU that does not identify as Intel (an AMD EPYC
 * with AVX-512, say), runs its AVX2 ones: half the throughput of the matrix products that are most
 * of a training step. oneMKL asks through {@code mkl_serv_intel_cpu_true}, a symbol libtorch
 * exports; Tessera's one-function C library ({@code src/main/c/tessera_mkl_cpu.c}, built by Maven
 * into the jar) answers yes, and is opened with {@code RTLD_GLOBAL} before libtorch loads, so the
 * dynamic linker binds libtorch's call to it. No environment variable and no {@code LD_PRELOAD}
 * is needed; the same library works as {@code LD_PRELOAD} for a process Tessera does not start.
 *
 * <p>Safety: it is loaded only when the CPU reports AVX-512F (read from {@code /proc/cpuinfo};
 * an unreadable file means no), oneMKL still checks the CPU's own flags before using any
 * instruction set, and {@link #verify} checks matrix products against known answers once the
 * engine runs; a wrong answer stops Tessera with the opt-out in the message rather than let it
 * compute with a broken kernel. {@value #ENV}: {@code auto} (default), {@code off} (never load),
 * {@code force} (load on any x86-64 CPU: for tests; oneMKL then keeps the kernels it would pick).
 */
public final class MklCpuOverride {

    /** Environment variable choosing the override: auto, off or force. */
    public static final String ENV = "TESSERA_AVX512_GEMM";
    static final String RESOURCE = "/native/linux-x86_64/libtessera_mkl_cpu.so";
    static final String SYMBOL = "mkl_serv_intel_cpu_true";
    private static final int RTLD_NOW = 0x2;
    private static final int RTLD_GLOBAL = 0x100;

    /** What the override does in this process, and why. */
    public record Status(boolean loaded, String reason, double selfTestError) {

        /** One line for a benchmark's table or a diagnostic. */
        public String describe() {
            if (!loaded) {
                return "oneMKL's own choice (AVX-512 override not loaded: " + reason + ")";
            }
            return "oneMKL AVX-512 kernels allowed (" + reason + (Double.isNaN(selfTestError) ? ""
                    : String.format(Locale.ROOT, "; self-test max relative error %.1e", selfTestError)) + ")";
        }
    }

    /** What {@value #ENV} asks for. */
    enum Mode {
        AUTO, OFF, FORCE;

        static Mode parse(String value) {
            if (value == null || value.isBlank()) {
                return AUTO;
            }
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(ENV + "='" + value + "' is not a choice; use auto, off or force");
            }
        }
    }

    private static Status status = new Status(false, "the tensor engine has not started", Double.NaN);
    private static NativeLibrary library;

    private MklCpuOverride() {
    }

    /** The override's state in this process. */
    public static synchronized Status status() {
        return status;
    }

    /**
     * Why the override should not load, or null when it should: the decision from {@value #ENV},
     * the CPU's flags and the platform alone (no side effects).
     */
    static String refusal(Mode mode, boolean linuxX86, boolean avx512f) {
        if (mode == Mode.OFF) {
            return ENV + "=off";
        }
        if (!linuxX86) {
            return "not Linux on x86-64";
        }
        if (mode == Mode.AUTO && !avx512f) {
            return "the CPU reports no AVX-512F";
        }
        return null;
    }

    /**
     * Loads the override if {@value #ENV}, the CPU and the platform allow it. Must run before
     * libtorch loads ({@link TesseraRuntime#engine} calls it first); a later call changes nothing
     * that libtorch already bound, and says so in {@link #status}.
     */
    static synchronized void prepare(Map<String, String> env) {
        if (library != null && status.loaded()) {
            return;
        }
        Mode mode = Mode.parse(env.get(ENV));
        boolean linuxX86 = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")
                && System.getProperty("os.arch", "").matches("amd64|x86_64");
        String no = refusal(mode, linuxX86, CpuFeatures.confirmedAvx512f());
        if (no != null) {
            status = new Status(false, no, Double.NaN);
            return;
        }
        try {
            Path so = extract();
            library = NativeLibrary.getInstance(so.toString(), Map.of(Library.OPTION_OPEN_FLAGS, RTLD_NOW | RTLD_GLOBAL));
            Function ours = library.getFunction(SYMBOL);
            Function seen = NativeLibrary.getProcess().getFunction(SYMBOL);
            if (ours.invokeInt(new Object[0]) != 1 || Pointer.nativeValue(seen) != Pointer.nativeValue(ours)) {
                status = new Status(false, "the dynamic linker resolves " + SYMBOL + " elsewhere (was libtorch loaded first?)",
                        Double.NaN);
                return;
            }
            status = new Status(true, (mode == Mode.FORCE ? ENV + "=force" : "CPU reports AVX-512F")
                    + ", self-test pending", Double.NaN);
        } catch (IOException | UnsatisfiedLinkError e) {
            status = new Status(false, "could not load " + RESOURCE + ": " + e.getMessage(), Double.NaN);
            // not silent: on this CPU matrix products now run at oneMKL's AVX2 speed
            System.err.println("Tessera: WARNING: the AVX-512 matrix-product override did not load (" + e.getMessage()
                    + "); oneMKL keeps its AVX2 kernels. Set " + ENV + "=off to silence this.");
        }
    }

    /**
     * Checks float matrix products against known answers, in the shapes a Tessera model uses;
     * run once the engine has started when the override is loaded. A wrong answer throws: the
     * process must not compute with a broken kernel, and the message says how to opt out.
     */
    static synchronized void verify(ai.djl.ndarray.NDManager m) {
        if (!status.loaded()) {
            return;
        }
        double worst = GemmSelfTest.worstError(m);
        try {
            requireAccurate(worst);
        } catch (IllegalStateException e) {
            status = new Status(true, "self-test FAILED", worst);
            throw e;
        }
        status = new Status(true, status.reason().replace(", self-test pending", ""), worst);
    }

    /** Throws, naming the opt-out, unless {@code worst} (a self-test's max relative error) is within tolerance. */
    static void requireAccurate(double worst) {
        if (!(worst <= GemmSelfTest.TOLERANCE)) {
            throw new IllegalStateException(String.format(Locale.ROOT, "oneMKL's matrix products gave wrong answers on this "
                    + "CPU with Tessera's AVX-512 override (max relative error %.2e, allowed %.0e). Start again with %s=off "
                    + "in the environment, and please report the CPU model (lscpu).", worst, GemmSelfTest.TOLERANCE, ENV));
        }
    }

    /**
     * The library from the jar, in a folder of this user's own (mode 700, not a link) under
     * {@code java.io.tmpdir}, named by the content's hash. A file already there is used only if
     * its bytes are the jar's (compared in full); otherwise it is written again.
     */
    private static Path extract() throws IOException {
        byte[] bytes;
        try (InputStream in = MklCpuOverride.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("not on the classpath (build the engine with Maven, which compiles src/main/c)");
            }
            bytes = in.readAllBytes();
        }
        String hash = sha256(bytes);
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_");
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "tessera-native-" + user + "-" + hash.substring(0, 16));
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
                || !Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"))
                || !Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS).equals(PosixFilePermissions.fromString("rwx------"))) {
            throw new IOException(dir + " is not a private folder of this user; remove it or set " + ENV + "=off");
        }
        Path so = dir.resolve("libtessera_mkl_cpu.so");
        if (Files.isRegularFile(so, LinkOption.NOFOLLOW_LINKS) && sha256(Files.readAllBytes(so)).equals(hash)) {
            return so;
        }
        Path tmp = Files.createTempFile(dir, "lib", ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, so, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return so;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
