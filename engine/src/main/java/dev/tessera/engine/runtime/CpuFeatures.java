package dev.tessera.engine.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the CPU offers, as far as Tessera's choices depend on it (read once from {@code /proc/cpuinfo}). */
public final class CpuFeatures {

    private static Boolean avx512;
    private static Boolean avx512f;

    private CpuFeatures() {
    }

    /**
     * True when the CPU reports any AVX-512 extension, or when that cannot be read (not Linux):
     * the cautious answer, since it only costs speed.
     */
    public static synchronized boolean hasAvx512() {
        if (avx512 == null) {
            try {
                avx512 = Files.readString(Path.of("/proc/cpuinfo")).contains(" avx512");
            } catch (IOException | RuntimeException e) {
                avx512 = true;
            }
        }
        return avx512;
    }

    /**
     * True only when {@code /proc/cpuinfo} can be read and lists the {@code avx512f} flag: the
     * cautious answer for a choice that would run AVX-512 code ({@link MklCpuOverride}).
     */
    public static synchronized boolean confirmedAvx512f() {
        if (avx512f == null) {
            try {
                avx512f = hasFlag(Files.readString(Path.of("/proc/cpuinfo")), "avx512f");
            } catch (IOException | RuntimeException e) {
                avx512f = false;
            }
        }
        return avx512f;
    }

    /** True when a {@code flags} line of {@code cpuinfo} lists {@code flag} as a whole word. */
    static boolean hasFlag(String cpuinfo, String flag) {
        for (String line : cpuinfo.split("\n")) {
            if (line.startsWith("flags")) {
                for (String f : line.substring(line.indexOf(':') + 1).trim().split("\\s+")) {
                    if (f.equals(flag)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
