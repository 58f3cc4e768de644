package dev.tessera.engine.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the CPU offers, as far as Tessera's choices depend on it (read once from {@code /proc/cpuinfo}). */
public final class CpuFeatures {

    private static Boolean avx512;

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
}
