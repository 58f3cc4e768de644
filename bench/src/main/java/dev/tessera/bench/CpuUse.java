package dev.tessera.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU ticks of the whole machine and of this JVM with its finished children (the JMH forks),
 * so a run can say how much of the machine other processes took while it measured: the
 * load average cannot, as it counts the benchmark's own threads. Linux only.
 *
 * @param total ticks of every CPU, idle included ({@code /proc/stat})
 * @param busy  non-idle ticks of every CPU
 * @param own   user and system ticks of this JVM and its reaped children ({@code /proc/self/stat})
 */
public record CpuUse(long total, long busy, long own) {

    /** Now, or null where {@code /proc} is unreadable. */
    public static CpuUse sample() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal ...
            long total = 0;
            for (int i = 1; i < Math.min(cpu.length, 9); i++) {
                total += Long.parseLong(cpu[i]);
            }
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            String self = Files.readString(Path.of("/proc/self/stat"));
            // fields after "(comm)": state ... utime(14) stime(15) cutime(16) cstime(17), 1-based
            String[] f = self.substring(self.lastIndexOf(')') + 2).trim().split("\\s+");
            long own = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
            return new CpuUse(total, total - idle, own);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Share of the machine's CPU time that other processes used between this sample and {@code later}. */
    public double othersShare(CpuUse later) {
        long span = later.total - total;
        return span <= 0 ? 0 : Math.max(0, (later.busy - busy) - (later.own - own)) / (double) span;
    }
}
