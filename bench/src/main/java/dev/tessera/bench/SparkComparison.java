package dev.tessera.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tessera.engine.data.Photo;
import dev.tessera.engine.data.PhotoCorpus;
import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.image.Images;

import javax.imageio.ImageIO;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Spark corpus job against the single-JVM path on the same files, in the same run:
 * {@code ./tools/bench-spark}. The corpus is written once: generated 64 px scenes as PNG files and
 * the installed Debian photographs (large JPEGs). Each round runs, each in a fresh JVM, the
 * single-JVM path ({@code tokenize-local}) with libtorch on 1 and on 2 threads (its best counts),
 * then the Spark job at {@code local[1]} and {@code local[2]}. Timed from after start-up: JVM,
 * Spark session, libtorch's start and the listing are out; each side's tokenizer loads inside
 * (once per Spark task slot); Spark's time includes writing the shards, the single-JVM path keeps
 * its rows in memory. Writes one markdown table.
 */
public final class SparkComparison {

    private SparkComparison() {
    }

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("scenes", "2000");
        d.put("rounds", "1");
        d.put("tokenizer", "photo-64");
        d.put("corpus", "target/bench-corpus");
        d.put("spark", "spark/target");
        d.put("out", "bench/results/spark-tokenize.md");
        return d;
    }

    public static void main(String[] args) throws Exception {
        Flags f = Flags.parse(args, defaults());
        Path corpus = Path.of(f.get("corpus"));
        int files = writeCorpus(corpus, f.integer("scenes"));
        Path spark = Path.of(f.get("spark"));
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> child = List.of(java, "@" + spark.resolve("jvm.options"), "-Xmx3g", "-jar", spark.resolve("tessera-spark.jar").toString());
        CpuUse start = CpuUse.sample();
        String loadAtStart = Machine.loadAverage();
        StringBuilder rows = new StringBuilder();
        for (int round = 1; round <= f.integer("rounds"); round++) {
            double best = 0;
            int bestThreads = 0;
            List<String> cells = new ArrayList<>();
            for (int threads : List.of(1, 2)) {
                CpuUse before = CpuUse.sample();
                List<String> cmd = new ArrayList<>(child);
                cmd.addAll(List.of("tokenize-local", "--input", corpus.toString(), "--tokenizer", f.get("tokenizer")));
                JsonNode r = UnifiedComparison.run(cmd, threads, Map.of(), List.of());
                double rate = r.path("files").asDouble() / r.path("seconds").asDouble();
                cells.add(String.format(Locale.ROOT, "%.1f (%s)", rate, others(before)));
                if (rate > best) {
                    best = rate;
                    bestThreads = threads;
                }
            }
            for (String master : List.of("local[1]", "local[2]")) {
                CpuUse before = CpuUse.sample();
                Path out = Files.createTempDirectory("tessera-bench-shards");
                deleteTree(out);
                List<String> cmd = new ArrayList<>(child);
                cmd.addAll(List.of("tokenize", "--input", corpus.toString(), "--output", out.toString(), "--tokenizer",
                        f.get("tokenizer"), "--master", master));
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                if (p.waitFor() != 0) {
                    throw new IllegalStateException(String.join(" ", cmd) + " failed");
                }
                JsonNode job = new ObjectMapper().readTree(out.resolve("job.json").toFile());
                double rate = job.path("files").asDouble() / job.path("seconds").asDouble();
                cells.add(String.format(Locale.ROOT, "%.1f (%s)", rate, others(before)));
                if (master.equals("local[2]")) {
                    cells.add(String.format(Locale.ROOT, "**%.2f**", rate / best));
                }
                deleteTree(out);
            }
            rows.append("| ").append(round).append(" | ").append(String.join(" | ", cells)).append(" | ")
                    .append(bestThreads).append(" |\n");
            System.err.println("round " + round + ": " + rows.toString().lines().reduce((a, b) -> b).orElse(""));
        }
        StringBuilder md = new StringBuilder("# Corpus tokenization: Spark against one JVM\n\n");
        Machine.current().describe().forEach(l -> md.append("- ").append(l).append('\n'));
        md.append("- sources: ").append(System.getProperty("bench.source", "unknown")).append('\n');
        md.append("- load average (1/5/15 min): ").append(loadAtStart).append(" at start, ").append(Machine.loadAverage())
                .append(" at end; other processes' share of the CPU over the run: ")
                .append(start == null ? "unknown" : Math.round(100 * start.othersShare(CpuUse.sample())) + "%").append('\n');
        md.append("- corpus: ").append(files).append(" files in ").append(corpus).append(" (").append(f.integer("scenes"))
                .append(" generated 64 px scenes as PNG, the rest the installed Debian photographs as JPEG/PNG),")
                .append(" tokenizer ").append(f.get("tokenizer")).append(", PSNR measured (each image also decoded), batches of 64\n");
        md.append("- files/s from after start-up (JVM, Spark session, libtorch's start and the listing excluded; the tokenizer's")
                .append(" load included, once per Spark task slot; Spark's time includes writing the Parquet shards);")
                .append(" in brackets, other processes' share of the CPU during that run\n");
        md.append("- single JVM: libtorch on 1 and 2 threads (`TESSERA_THREADS`), the best of the two is the reference;")
                .append(" Spark: one libtorch thread per task\n\n");
        md.append("| round | single JVM, 1 thread | single JVM, 2 threads | Spark local[1] | Spark local[2] |")
                .append(" local[2] / best single JVM | best single-JVM threads |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|\n").append(rows);
        Files.createDirectories(Path.of(f.get("out")).toAbsolutePath().getParent());
        Files.writeString(Path.of(f.get("out")), md.toString());
        System.out.println(md);
    }

    private static String others(CpuUse before) {
        CpuUse now = CpuUse.sample();
        return before == null || now == null ? "?" : Math.round(100 * before.othersShare(now)) + "%";
    }

    /** Writes the corpus once (kept between runs); returns its file count. */
    static int writeCorpus(Path dir, int scenes) throws IOException {
        Path scenesDir = dir.resolve("scenes");
        if (!Files.isDirectory(scenesDir) || countFiles(scenesDir) != scenes) {
            deleteTree(dir);
            Files.createDirectories(scenesDir);
            SceneGenerator g = new SceneGenerator(new SceneConfig(64, 1, 3, 5));
            for (int i = 0; i < scenes; i++) {
                ImageIO.write(Images.toBuffered(g.scene(i).image()), "png", scenesDir.resolve(String.format("scene-%05d.png", i)).toFile());
            }
            Path photos = Files.createDirectories(dir.resolve("photos"));
            for (Photo p : PhotoCorpus.installed().all()) {
                Files.copy(p.path(), photos.resolve(p.id().replace('/', '_')), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return (int) countFiles(dir);
    }

    private static long countFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
