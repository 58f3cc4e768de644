package dev.tessera.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tessera's grid tokenizers against {@code bench/reference/tokenizer_reference.py}, a PyTorch
 * re-implementation of the same networks and quantizers, back to back on this machine with the
 * same threads: {@code ./tools/bench-tokenizers}. For each round, kind (VQ, FSQ) and thread count
 * it starts {@link TokenizerSpeed} in a fresh JVM, then the reference under each thread-pool
 * setting of {@link UnifiedComparison.ReferenceSetting}, and compares encode and decode images/s
 * at batch 1 and 256 and the training step with the reference's best setting for each measure.
 * Writes one markdown table.
 */
public final class TokenizerComparison {

    private static final List<String> MEASURES = List.of("encode1", "encode256", "decode1", "decode256", "trainStepMs");

    private TokenizerComparison() {
    }

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("threads", "1,2");
        d.put("kinds", "vq,fsq");
        d.put("rounds", "1");
        d.put("images", "512");
        d.put("train-steps", "10");
        d.put("python", "/usr/bin/python3");
        d.put("reference", "bench/reference/tokenizer_reference.py");
        d.put("out", "bench/results/tokenizers.md");
        return d;
    }

    public static void main(String[] args) throws Exception {
        Flags f = Flags.parse(args, defaults());
        CpuUse start = CpuUse.sample();
        String loadAtStart = Machine.loadAverage();
        StringBuilder rows = new StringBuilder();
        StringBuilder settings = new StringBuilder();
        JsonNode lastTessera = null;
        JsonNode lastReference = null;
        Set<String> parameters = new LinkedHashSet<>();
        for (int round = 1; round <= f.integer("rounds"); round++) {
            for (String kind : f.get("kinds").split(",")) {
                for (int threads : f.integers("threads")) {
                    CpuUse before = CpuUse.sample();
                    String java = ProcessHandle.current().info().command().orElse("java");
                    JsonNode t = UnifiedComparison.run(List.of(java, "-Xmx4g", "-cp", System.getProperty("java.class.path"),
                            TokenizerSpeed.class.getName(), "--threads", Integer.toString(threads), "--kind", kind, "--images",
                            f.get("images"), "--train-steps", f.get("train-steps")), threads, Map.of(), List.of());
                    Map<String, Double> best = new LinkedHashMap<>();
                    for (UnifiedComparison.ReferenceSetting s : UnifiedComparison.ReferenceSetting.forThreads(threads)) {
                        JsonNode r = UnifiedComparison.run(List.of(f.get("python"), f.get("reference"), "--threads",
                                Integer.toString(threads), "--kind", kind, "--images", f.get("images"), "--train-steps",
                                f.get("train-steps")), threads, s.environment, UnifiedComparison.REFERENCE_UNSET);
                        lastReference = r;
                        settings.append(String.format(Locale.ROOT, "| %d | %s | %d | %s | %s |%n", round, kind, threads,
                                s.label(), MEASURES.stream().map(m -> String.format(Locale.ROOT, "%.1f", r.path(m).asDouble()))
                                        .reduce((a, b) -> a + " | " + b).orElseThrow()));
                        for (String m : MEASURES) {
                            double v = r.path(m).asDouble();
                            boolean lowerIsBetter = m.endsWith("Ms");
                            best.merge(m, v, (a, b) -> lowerIsBetter ? Math.min(a, b) : Math.max(a, b));
                        }
                    }
                    lastTessera = t;
                    parameters.add(String.format(Locale.ROOT, "%s %,d / %,d%s", kind, t.path("parameters").asLong(),
                            lastReference.path("parameters").asLong(), t.path("parameters").asLong()
                                    == lastReference.path("parameters").asLong() ? "" : " **MISMATCH**"));
                    double others = UnifiedComparison.share(before, CpuUse.sample());
                    StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %d | %s | %d", round, kind, threads));
                    for (String m : MEASURES) {
                        double mine = t.path(m).asDouble();
                        double theirs = best.get(m);
                        double ratio = m.endsWith("Ms") ? theirs / mine : mine / theirs;
                        row.append(String.format(Locale.ROOT, " | %.0f / %.0f **%.2f**", mine, theirs, ratio));
                    }
                    row.append(String.format(Locale.ROOT, " | %.0f | %.0f / %.0f | %s |%n", t.path("drawScenesMs").asDouble(),
                            t.path("matmulGflops").asDouble(), lastReference.path("matmulGflops").asDouble(),
                            UnifiedComparison.percent(others)));
                    rows.append(row);
                    System.err.print(row);
                }
            }
        }
        StringBuilder s = new StringBuilder("# Image tokenizers: Tessera vs PyTorch\n\n");
        Machine.current().describe().forEach(line -> s.append("- ").append(line).append('\n'));
        s.append("- sources: ").append(System.getProperty("bench.source", "unknown")).append('\n');
        s.append("- load average (1/5/15 min): ").append(loadAtStart).append(" at start, ").append(Machine.loadAverage())
                .append(" at end; other processes' share of the CPU during the run: ")
                .append(UnifiedComparison.percent(UnifiedComparison.share(start, CpuUse.sample()))).append('\n');
        s.append("- reference: ").append(lastReference.path("version").asText()).append(" (Debian python3-torch, CPU) on ")
                .append(lastReference.path("blas").asText()).append(", OpenBLAS core ").append(lastReference.path("blasCore").asText())
                .append(", without ").append(String.join(", ", UnifiedComparison.REFERENCE_UNSET))
                .append(" in its environment; Tessera's matrix products: ").append(lastTessera.path("gemm").asText())
                .append("; Tessera's OpenMP waits: ").append(lastTessera.path("openmpWaits").asText()).append('\n');
        s.append("- model: 64 px images, 48 channels, 2 downsamplings to a 16x16 grid of 32-wide vectors; VQ 256 codes "
                + "(EMA), FSQ 8x6x5; random weights. Images/s from pixels to ids (encode) and ids to pixels (decode), "
                + "the reference at its faster pass size (one pass, or passes of 16 images as Tessera makes); training "
                + "step of a batch of 32 (forward, MSE + quantizer loss, backward, AdamW, EMA update): Tessera's real "
                + "trainer, which also draws its batch of scenes each step (the last column), the reference on a "
                + "fixed batch; trainable parameters, Tessera / PyTorch (the two sides must build the same model): "
                + String.join(", ", parameters) + "\n");
        s.append("- each cell: Tessera / PyTorch **speed ratio** (above 1 = Tessera faster); above one thread "
                + "PyTorch's number is its best thread-pool setting for that measure\n\n");
        s.append("| round | tokenizer | threads | encode batch 1, images/s | encode batch 256 | decode batch 1 | "
                + "decode batch 256 | training step, ms | Tessera's scene drawing, ms | 1024² matmul GFLOP/s, Tessera / PyTorch | "
                + "other processes' CPU |\n");
        s.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n").append(rows);
        s.append("\nThe reference under each thread-pool setting (encode1, encode256, decode1, decode256, trainStepMs):\n\n");
        s.append("| round | tokenizer | threads | setting | e1 | e256 | d1 | d256 | step ms |\n");
        s.append("|---:|---|---:|---|---:|---:|---:|---:|---:|\n").append(settings);
        System.out.println();
        System.out.print(s);
        Path out = Path.of(f.get("out"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, s.toString());
        System.out.println("\nwritten to " + out);
    }
}
