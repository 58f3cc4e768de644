package dev.tessera.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What a benchmark number was measured on, for the header of every results table (with the
 * load, see {@link #loadAverage()} and {@link CpuUse}): a 2-core box with a training
 * running in the background gives other numbers than an idle one.
 *
 * @param date     when the table was written, UTC
 * @param cores    processors the JVM sees ({@code nproc})
 * @param cpu      model name from {@code /proc/cpuinfo}
 * @param jdk      runtime name and version
 */
public record Machine(Instant date, int cores, String cpu, String jdk) {

    /** This machine, now. */
    public static Machine current() {
        return new Machine(Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(),
                cpuModel(), System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    }

    /** Header lines for a results table. */
    public List<String> describe() {
        return List.of("written: " + date, "machine: " + cores + " cores, " + cpu, "JDK: " + jdk);
    }

    /** {@code "1.02 0.98 0.77"}, or {@code "unknown"} off Linux. */
    public static String loadAverage() {
        String s = read(Path.of("/proc/loadavg"));
        if (s == null) {
            return "unknown";
        }
        String[] f = s.trim().split("\\s+");
        return f.length < 3 ? "unknown" : f[0] + " " + f[1] + " " + f[2];
    }

    private static String cpuModel() {
        String s = read(Path.of("/proc/cpuinfo"));
        if (s != null) {
            for (String line : s.split("\n")) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        }
        return System.getProperty("os.arch");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException | SecurityException e) {
            return null;
        }
    }
}
