package dev.tessera.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tessera's unified transformer against a PyTorch reference of the same architecture, batch
 * and training step, on this machine, back to back: {@code ./tools/bench-unified}. For each
 * thread count it starts {@link UnifiedBench} in a fresh JVM (libtorch fixes its threads at
 * start), then {@code bench/reference/unified_reference.py} under Debian's python3-torch with
 * the shapes Tessera reported (vocabulary size, code width, context), and writes one markdown
 * table: training tokens/s, generation ms/image, each side's own 1024^2 matmul GFLOP/s (which
 * BLAS each side runs on decides much of the ratio) and how much CPU other processes took.
 *
 * <p>Above one thread Debian's torch runs OpenBLAS's own thread pool under its OpenMP threads,
 * and the two pools can fight over the cores. So the reference runs once per
 * {@link ReferenceSetting} (both pools at the thread count; OpenBLAS on one thread; OpenMP
 * threads sleeping while they wait) and the table compares Tessera with the reference's best
 * setting for each measure, listing every setting's numbers below it.
 */
public final class UnifiedComparison {

    private UnifiedComparison() {
    }

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("threads", "1,2");
        d.put("steps", "20");
        d.put("warmup", "3");
        d.put("gen-runs", "3");
        d.put("rounds", "1");
        for (String shared : List.of("width", "layers", "heads", "batch", "seq", "text-targets", "images", "prompt", "new",
                "embedding")) {
            d.put(shared, UnifiedBench.DEFAULTS.get(shared));
        }
        d.put("python", "/usr/bin/python3");
        d.put("reference", "bench/reference/unified_reference.py");
        d.put("out", "bench/results/unified.md");
        return d;
    }

    /** One measurement of both sides at one thread count, with the other processes' CPU share meanwhile. */
    record Pair(int threads, JsonNode tessera, List<ReferenceRun> references, double othersShare) {

        /** The reference run with the most training tokens/s. */
        ReferenceRun fastestTraining() {
            return references.stream().max(java.util.Comparator.comparingDouble(
                    r -> r.result().path("tokensPerSecond").asDouble())).orElseThrow();
        }

        /** The reference run with the fewest ms per generated image. */
        ReferenceRun fastestGeneration() {
            return references.stream().min(java.util.Comparator.comparingDouble(
                    r -> r.result().path("msPerImage").asDouble())).orElseThrow();
        }

        JsonNode pytorch() {
            return fastestTraining().result();
        }
    }

    /** How the reference's thread pools are set, as environment variables on top of the thread count. */
    enum ReferenceSetting {
        /** OpenMP and OpenBLAS both at the thread count (what a user gets by default). */
        BOTH_POOLS(Map.of()),
        /** OpenBLAS on the calling thread only, OpenMP at the thread count: no pool under a pool. */
        BLAS_ONE_THREAD(Map.of("OPENBLAS_NUM_THREADS", "1")),
        /** Both pools at the thread count, OpenMP threads sleeping instead of spinning while they wait. */
        PASSIVE_OPENMP(Map.of("OMP_WAIT_POLICY", "PASSIVE"));

        final Map<String, String> environment;

        ReferenceSetting(Map<String, String> environment) {
            this.environment = environment;
        }

        String label() {
            return environment.isEmpty() ? "default (both pools)" : environment.entrySet().iterator().next().toString();
        }

        /** The settings worth trying at {@code threads}: one thread has no pools to fight. */
        static List<ReferenceSetting> forThreads(int threads) {
            return threads == 1 ? List.of(BOTH_POOLS) : List.of(values());
        }
    }

    /** The reference's result under one setting. */
    record ReferenceRun(ReferenceSetting setting, JsonNode result) {
    }

    /**
     * OpenBLAS overrides some machines set for every process ({@code OPENBLAS_CORETYPE=Haswell},
     * {@code OPENBLAS_L2_SIZE}: older OpenBLAS builds misbehave on some CPUs). They pin the
     * reference to older kernels than OpenBLAS would pick for this CPU, so the reference runs
     * without them: a fair reference is one at its best settings. Tessera's side never reads them.
     * {@code ONEDNN_MAX_CPU_ISA=AVX2} is Tessera's own workaround (the bench scripts export it for
     * Tessera's side); it would cap the reference's oneDNN convolutions too, so it is removed as well.
     * So is {@code GOMP_SPINCOUNT} (a spin count for Tessera's OpenMP threads): in libgomp it
     * overrides {@code OMP_WAIT_POLICY}, so it would silently turn the reference's sleeping-threads
     * setting into spinning.
     */
    static final List<String> REFERENCE_UNSET = List.of("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OPENBLAS_VERBOSE",
            "ONEDNN_MAX_CPU_ISA", "GOMP_SPINCOUNT");

    /** The overrides of {@link #REFERENCE_UNSET} this process's environment sets, as NAME=value. */
    static List<String> unsetForReference(Map<String, String> environment) {
        return REFERENCE_UNSET.stream().filter(environment::containsKey).map(v -> v + "=" + environment.get(v)).toList();
    }

    public static void main(String[] args) throws Exception {
        Flags f = Flags.parse(args, defaults());
        String loadAtStart = Machine.loadAverage();
        CpuUse start = CpuUse.sample();
        List<Pair> pairs = new ArrayList<>();
        for (int round = 0; round < f.integer("rounds"); round++) {
            for (int threads : f.integers("threads")) {
                CpuUse before = CpuUse.sample();
                JsonNode tessera = run(tesseraCommand(f, threads), threads, Map.of(), List.of());
                List<ReferenceRun> references = new ArrayList<>();
                for (ReferenceSetting setting : ReferenceSetting.forThreads(threads)) {
                    JsonNode pytorch = run(referenceCommand(f, threads, tessera), threads, setting.environment,
                            REFERENCE_UNSET);
                    references.add(new ReferenceRun(setting, pytorch));
                    System.err.printf(Locale.ROOT, "threads %d: Tessera %.0f tokens/s, %.1f ms/image; PyTorch [%s] %.0f "
                                    + "tokens/s, %.1f ms/image%n", threads, tessera.path("tokensPerSecond").asDouble(),
                            tessera.path("msPerImage").asDouble(), setting.label(),
                            pytorch.path("tokensPerSecond").asDouble(), pytorch.path("msPerImage").asDouble());
                }
                CpuUse after = CpuUse.sample();
                pairs.add(new Pair(threads, tessera, references, share(before, after)));
            }
        }
        List<String> context = new ArrayList<>(Machine.current().describe());
        context.add("sources: " + System.getProperty("bench.source", "unknown"));
        List<String> unset = unsetForReference(System.getenv());
        context.add("the reference runs at its own best BLAS kernels: " + (unset.isEmpty()
                ? "this machine sets none of " + String.join(", ", REFERENCE_UNSET)
                : String.join(", ", unset) + " (set in this environment: by the machine, or ONEDNN_MAX_CPU_ISA by the bench script for Tessera) removed from its environment alone"));
        context.add("load average (1/5/15 min): " + loadAtStart + " at start, " + Machine.loadAverage() + " at end");
        context.add("other processes' share of the CPU during the run: " + percent(share(start, CpuUse.sample()))
                + " (0% = the machine was quiet)");
        String table = markdown(pairs, context, f);
        System.out.println();
        System.out.print(table);
        Path out = Path.of(f.get("out"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, table);
        System.out.println("\nwritten to " + out);
    }

    private static List<String> tesseraCommand(Flags f, int threads) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx4g", "-cp", System.getProperty("java.class.path"),
                UnifiedBench.class.getName(), "--threads", Integer.toString(threads)));
        for (String k : List.of("width", "layers", "heads", "batch", "seq", "text-targets", "steps", "warmup", "images",
                "prompt", "new", "gen-runs", "embedding")) {
            cmd.add("--" + k);
            cmd.add(f.get(k));
        }
        return cmd;
    }

    /** The reference with Tessera's shapes, so both sides run exactly the same model and batch. */
    static List<String> referenceCommand(Flags f, int threads, JsonNode tessera) {
        List<String> cmd = new ArrayList<>(List.of(f.get("python"), f.get("reference"), "--threads", Integer.toString(threads)));
        for (String k : List.of("batch", "seq", "text-targets", "steps", "warmup", "images", "prompt", "new", "gen-runs",
                "embedding")) {
            cmd.add("--" + k);
            cmd.add(f.get(k));
        }
        Map<String, String> fromTessera = Map.of("width", "width", "layers", "layers", "heads", "heads", "context", "context",
                "vocab", "vocab", "image-ids", "imageIds", "code-width", "codeWidth");
        fromTessera.forEach((flag, key) -> {
            cmd.add("--" + flag);
            cmd.add(tessera.path(key).asText());
        });
        return cmd;
    }

    /**
     * Runs {@code cmd} with every thread pool of its BLAS and OpenMP set to {@code threads}, then
     * {@code overrides}, without the variables {@code unset}; its last JSON line.
     */
    static JsonNode run(List<String> cmd, int threads, Map<String, String> overrides, List<String> unset)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
        for (String v : List.of("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "TESSERA_THREADS")) {
            pb.environment().put(v, Integer.toString(threads));
        }
        pb.environment().putAll(overrides);
        unset.forEach(pb.environment()::remove);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + cmd.get(0) + " (" + e.getMessage() + "); the reference needs "
                    + "Debian's python3-torch and libopenblas0-pthread, or pass --python PATH", e);
        }
        String stdout;
        try (InputStream in = p.getInputStream()) {
            stdout = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int rc = p.waitFor();
        String json = null;
        for (String line : stdout.split("\n")) {
            if (line.startsWith("{")) {
                json = line;
            }
        }
        if (rc != 0 || json == null) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed (exit " + rc + "):\n" + stdout);
        }
        return new ObjectMapper().readTree(json);
    }

    static String markdown(List<Pair> pairs, List<String> context, Flags f) {
        JsonNode t = pairs.get(0).tessera();
        JsonNode r = pairs.get(0).pytorch();
        StringBuilder s = new StringBuilder("# Unified transformer: Tessera vs PyTorch\n\n");
        context.forEach(line -> s.append("- ").append(line).append('\n'));
        s.append("- Tessera: ").append(t.path("version").asText()).append("; reference: ")
                .append(r.path("version").asText()).append(" (Debian python3-torch, CPU) on ")
                .append(r.path("blas").asText()).append(", OpenBLAS core ").append(r.path("blasCore").asText("unknown"))
                .append('\n');
        s.append("- Tessera's matrix products: ").append(t.path("gemm").asText("not reported")).append('\n');
        s.append("- Tessera's OpenMP waits: ").append(t.path("openmpWaits").asText("not reported")).append('\n');
        String imageRows = t.path("embedding").asText().equals("joint-embedding")
                ? "image rows = learned image embedding @ projection, own image output matrix (TEAL joint embedding)"
                : "image rows = frozen " + t.path("codeWidth").asInt() + "-wide codebook @ learned projection, tied (UniCode)";
        s.append(String.format(Locale.ROOT, "- model: width %d, %d layers, %d heads, MLP 4x, context %d, vocabulary %d ids "
                        + "(%d text, %d image, the rest special), %s; "
                        + "trainable parameters: Tessera %,d (%,d decayed), PyTorch %,d (%,d decayed)%s%n",
                t.path("width").asInt(), t.path("layers").asInt(), t.path("heads").asInt(), t.path("context").asInt(),
                t.path("vocab").asInt(), t.path("textIds").asInt(), t.path("imageIds").asInt(), imageRows,
                t.path("parameters").asLong(), t.path("decayed").asLong(), r.path("parameters").asLong(),
                r.path("decayed").asLong(), sameModel(t, r) ? "" : " **MISMATCH: the two sides do not build the same model**"));
        s.append(String.format(Locale.ROOT, "- training: batch %d x %d tokens, masked mean token NLL, global-norm clipping "
                        + "at 1.0, AdamW (0.9, 0.95, eps 1e-8, decay 0.01 on matrices except positions); %s steps timed "
                        + "after %s warm-up; tokens/s = batch x tokens x steps / seconds%n",
                t.path("batch").asInt(), t.path("seq").asInt(), f.get("steps"), f.get("warmup")));
        s.append(String.format(Locale.ROOT, "- generation: %d images per call, prompt of %d ids plus an unconditional prompt "
                        + "per image (classifier-free guidance 3), %d image ids sampled one by one (top-k 32) with a KV "
                        + "cache; image decoder excluded; mean of %s calls after 1 warm-up%n",
                t.path("images").asInt(), t.path("promptIds").asInt(), t.path("newIds").asInt(), f.get("gen-runs")));
        s.append("- ratios are speed ratios, Tessera / PyTorch: above 1 = Tessera faster "
                + "(tokens/s ratio for training, inverse ms ratio for generation); above one thread PyTorch's number is "
                + "its best thread-pool setting for that measure (every setting is listed below the table)\n\n");
        s.append("| threads | Tessera tokens/s | PyTorch tokens/s | training ratio | Tessera ms/image | PyTorch ms/image "
                + "| generation ratio | Tessera matmul GFLOP/s | PyTorch matmul GFLOP/s | other processes' CPU |\n");
        s.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Pair p : pairs) {
            double tt = p.tessera().path("tokensPerSecond").asDouble();
            double rt = p.fastestTraining().result().path("tokensPerSecond").asDouble();
            double tg = p.tessera().path("msPerImage").asDouble();
            double rg = p.fastestGeneration().result().path("msPerImage").asDouble();
            s.append(String.format(Locale.ROOT, "| %d | %.0f | %.0f | **%.2f** | %.1f | %.1f | **%.2f** | %.1f | %.1f | %s |%n",
                    p.threads(), tt, rt, tt / rt, tg, rg, rg / tg, p.tessera().path("matmulGflops").asDouble(),
                    p.pytorch().path("matmulGflops").asDouble(), percent(p.othersShare())));
        }
        s.append("\nThe reference under each thread-pool setting:\n\n| threads | setting | PyTorch tokens/s | PyTorch ms/image "
                + "| CPU ms per training step |\n|---:|---|---:|---:|---:|\n");
        for (Pair p : pairs) {
            for (ReferenceRun run : p.references()) {
                s.append(String.format(Locale.ROOT, "| %d | %s | %.0f | %.1f | %.0f |%n", p.threads(), run.setting().label(),
                        run.result().path("tokensPerSecond").asDouble(), run.result().path("msPerImage").asDouble(),
                        run.result().path("cpuMsPerStep").asDouble()));
            }
        }
        s.append("\nCPU time per training step (every thread of the process; less disturbed than the wall time when "
                + "other processes share the cores):\n\n");
        for (Pair p : pairs) {
            double tc = p.tessera().path("cpuMsPerStep").asDouble();
            double rc = p.pytorch().path("cpuMsPerStep").asDouble();
            s.append(String.format(Locale.ROOT, "- %d thread%s: Tessera %.0f ms, PyTorch (fastest training setting) %.0f ms "
                    + "(ratio %.2f)%n", p.threads(),
                    p.threads() == 1 ? "" : "s", tc, rc, rc / tc));
        }
        return s.toString();
    }

    private static boolean sameModel(JsonNode t, JsonNode r) {
        return t.path("embedding").asText().equals(r.path("embedding").asText())
                && t.path("parameters").asLong() == r.path("parameters").asLong()
                && t.path("decayed").asLong() == r.path("decayed").asLong()
                && t.path("vocab").asInt() == r.path("vocab").asInt();
    }

    static double share(CpuUse before, CpuUse after) {
        return before == null || after == null ? Double.NaN : before.othersShare(after);
    }

    static String percent(double share) {
        return Double.isNaN(share) ? "unknown" : String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }
}
