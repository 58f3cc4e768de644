package dev.tessera.spark;

import dev.tessera.engine.corpus.CodebookUsage;
import dev.tessera.engine.corpus.CorpusProgress;
import dev.tessera.engine.corpus.CorpusTokenizeResult;
import dev.tessera.engine.io.Json;
import dev.tessera.engine.tokenize.TokenizerConfig;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.posexplode;

/**
 * Tokenizes an image corpus on Spark into Parquet token shards ({@link ShardSchema}), one row per
 * input file, a broken file as an error row, never a failed job.
 *
 * <p>Files are listed on the driver ({@link CorpusFiles}: sorted, so every run cuts the same
 * batches; not through Spark's binary-file source, which reads every file's bytes into a row
 * before anything can look at them, fails the whole job on a file over 2 GB, and partitions files
 * by size, so its batches would not be the single-JVM run's), cut into batches of {@code batch} files (exactly the batches of the single-JVM run) and
 * into chunks of about {@code chunkFiles}; each chunk is one Spark job whose tasks read their files
 * through Hadoop's file system, tokenize with one tokenizer per executor task slot
 * ({@link ExecutorTokenizers}, one libtorch thread each) and write {@code chunk=NNNNN/}. A chunk's
 * shards commit together when it ends, so a stopped run keeps every finished chunk and
 * {@code resume} starts at the first unfinished one. Parquet tables of image bytes (Spark's
 * binary-file columns, or {@link SceneTable}'s) are one job. At the end the job writes the merged
 * codebook usage ({@code codebook-usage.json}) and its summary ({@code job.json}, a
 * {@link CorpusTokenizeResult}).
 */
public final class TokenizeJob {

    /** The merged codebook usage beside the shards. */
    public static final String USAGE_FILE = "codebook-usage.json";
    /** The job's summary beside the shards. */
    public static final String SUMMARY_FILE = "job.json";
    /** The chunk plan, checked on resume. */
    public static final String PLAN_FILE = "plan.json";

    private TokenizeJob() {
    }

    /** Runs {@code c} on {@code spark}, reporting progress about twice a second. */
    public static CorpusTokenizeResult run(SparkSession spark, TokenizeJobConfig c, Consumer<CorpusProgress> progress) {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        TokenizerConfig tc = c.tokenizer().config();
        String checkpoint = c.tokenizer().checkpointHash();
        Path out = new Path(c.output());
        List<List<List<String>>> chunks;
        if (c.table() != null && c.resume()) {
            throw new IllegalArgumentException("--resume continues chunks of files; a table is tokenized in one job, so a stopped"
                    + " one is run again into a new output folder");
        }
        List<String> files = c.table() == null ? CorpusFiles.list(c.inputs(), conf) : List.of();
        if (c.table() == null && files.isEmpty()) {
            throw new IllegalArgumentException("no file under " + String.join(", ", c.inputs()) + " (hidden names, starting with '.'"
                    + " or '_', are left out); name a folder that holds images");
        }
        chunks = c.table() == null ? chunks(files, c.batch(), c.chunkFiles()) : List.of();
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("inputs", c.inputs());
        plan.put("files", files.size());
        plan.put("filesSha256", sha256(String.join("\n", files)));
        plan.put("batch", c.batch());
        plan.put("chunkFiles", c.chunkFiles());
        plan.put("tokenizer", c.tokenizer().text());
        plan.put("checkpoint", checkpoint);
        plan.put("psnr", c.psnr());
        prepareOutput(out, conf, c.resume(), plan);

        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        LongAccumulator done = jsc.sc().longAccumulator("files done");
        LongAccumulator errors = jsc.sc().longAccumulator("error rows");
        TokenizeTasks tasks = new TokenizeTasks(c.tokenizer(), checkpoint, c.psnr(), c.batch(), tc.imageSize(), done, errors);
        long total = c.table() == null ? files.size() : -1;
        if (spark.sparkContext().isLocal()) {
            ExecutorTokenizers.warmUp();  // libtorch's start is start-up, not tokenization
        }
        long started = System.nanoTime();
        long[] before = {0};
        ProgressThread ticker = new ProgressThread(() -> new CorpusProgress(before[0] + done.value(), total, errors.value(),
                (System.nanoTime() - started) / 1e9), progress);
        ticker.start();
        try {
            if (c.table() != null) {
                Dataset<Row> table = spark.read().parquet(c.inputs().toArray(String[]::new));
                TokenizeJobConfig.TableColumns tcol = c.table();
                List<String> columns = List.of(table.columns());
                for (String wanted : java.util.Arrays.asList(tcol.content(), tcol.source(), tcol.caption())) {
                    if (wanted != null && !columns.contains(wanted)) {
                        throw new IllegalArgumentException("the table has no column '" + wanted + "'; its columns: "
                                + String.join(", ", columns) + " (name them with --content-column, --source-column, --caption-column)");
                    }
                }
                String caption = tcol.caption() != null ? tcol.caption() : columns.contains("caption") ? "caption" : null;
                Dataset<Row> picked = table.select(col(tcol.source()), col(tcol.content()),
                        caption != null ? col(caption) : lit(null).cast("string"));
                write(spark, picked.javaRDD().mapPartitions(tasks.table()), chunkPath(out, 0));
            } else {
                for (int i = 0; i < chunks.size(); i++) {
                    List<List<String>> chunk = chunks.get(i);
                    Path at = chunkPath(out, i);
                    FileSystem fs = at.getFileSystem(conf);
                    if (fs.exists(new Path(at, "_SUCCESS"))) {
                        before[0] += chunk.stream().mapToInt(List::size).sum();  // finished before a stop: kept
                        continue;
                    }
                    fs.delete(at, true);  // a chunk a stop left half written
                    int slices = Math.max(1, Math.min(chunk.size(), jsc.defaultParallelism() * 4));
                    write(spark, jsc.parallelize(chunk, slices).mapPartitions(tasks.files()), at);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the shards in " + out + ": " + e.getMessage(), e);
        } finally {
            ticker.finish();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Dataset<Row> shards = spark.read().parquet(out.toString());
        long rows = shards.count();
        long errorRows = shards.filter(col("error").isNotNull()).count();
        progress.accept(new CorpusProgress(rows, total < 0 ? rows : total, errorRows, seconds));
        CodebookUsage usage = usage(shards, c.tokenizer().text(), checkpoint, tc.quantizer().codebookSize());
        Dataset<Row> ok = shards.filter(col("error").isNull());
        Double median = ok.isEmpty() || !c.psnr() ? null : ok.agg(percentile_approx(col("psnr"), lit(0.5), lit(10000))).first().getDouble(0);
        List<String> samples = new ArrayList<>();
        for (Row r : shards.filter(col("error").isNotNull()).orderBy("source").select("error").limit(CorpusTokenizeResult.ERROR_SAMPLES).collectAsList()) {
            samples.add(r.getString(0));
        }
        CorpusTokenizeResult result = new CorpusTokenizeResult(out.toString(), c.tokenizer().text(), checkpoint, rows, errorRows,
                seconds, c.master(), usage, median == null ? Double.NaN : median, samples, false);
        writeJson(new Path(out, USAGE_FILE), conf, usage);
        writeJson(new Path(out, SUMMARY_FILE), conf, result);
        return result;
    }

    /** The sorted files cut into batches of {@code batch}, the batches grouped into chunks of at most {@code chunkFiles} files (at least one batch). */
    static List<List<List<String>>> chunks(List<String> files, int batch, int chunkFiles) {
        int perChunk = Math.max(1, chunkFiles / batch);
        List<List<List<String>>> chunks = new ArrayList<>();
        List<List<String>> chunk = new ArrayList<>();
        for (int i = 0; i < files.size(); i += batch) {
            chunk.add(List.copyOf(files.subList(i, Math.min(files.size(), i + batch))));
            if (chunk.size() == perChunk) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
            }
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
    }

    /** The merged usage of the rows without error: one aggregation over all shards. */
    static CodebookUsage usage(Dataset<Row> shards, String tokenizer, String checkpoint, int codebookSize) {
        Dataset<Row> ok = shards.filter(col("error").isNull());
        Row first = ok.isEmpty() ? null : ok.select("levels").first();
        if (first == null) {
            return new CodebookUsage(tokenizer, checkpoint, codebookSize, 0, new long[0][]);
        }
        int levels = first.getInt(0);
        long[][] counts = new long[levels][codebookSize];
        List<Row> grouped = ok.select(col("levels"), posexplode(col("ids")))
                .groupBy(pmod(col("pos"), col("levels")).as("level"), col("col").as("code")).count().collectAsList();
        for (Row r : grouped) {
            counts[r.getInt(0)][r.getInt(1)] = r.getLong(2);
        }
        return new CodebookUsage(tokenizer, checkpoint, codebookSize, ok.count(), counts);
    }

    private static void write(SparkSession spark, JavaRDD<Row> rows, Path at) {
        spark.createDataFrame(rows, ShardSchema.SCHEMA).write().parquet(at.toString());
    }

    private static Path chunkPath(Path out, int i) {
        return new Path(out, String.format("chunk=%05d", i));
    }

    /**
     * A new output folder gets the plan; an existing one is refused unless resuming, and resuming
     * needs the same plan (the same files, batches, chunks and tokenizer), or chunk numbers would
     * mean other files.
     */
    private static void prepareOutput(Path out, Configuration conf, boolean resume, Map<String, Object> plan) {
        try {
            FileSystem fs = out.getFileSystem(conf);
            Path planFile = new Path(out, PLAN_FILE);
            if (fs.exists(out)) {
                if (!resume) {
                    throw new IllegalArgumentException("the output folder " + out + " already exists; name a new one, or add"
                            + " --resume to continue a stopped run into it");
                }
                if (!fs.exists(planFile)) {
                    throw new IllegalArgumentException(out + " is not the output of a Tessera tokenize job (no " + PLAN_FILE
                            + "); name a new output folder");
                }
                Map<?, ?> before;
                try (InputStream in = fs.open(planFile)) {
                    before = Json.mapper().readValue(in, Map.class);
                }
                if (!Json.mapper().valueToTree(before).equals(Json.mapper().valueToTree(plan))) {
                    throw new IllegalArgumentException("cannot resume into " + out + ": its run had other inputs, files or settings"
                            + " (" + planFile + "); name a new output folder, or rerun with the same inputs and options");
                }
                fs.delete(new Path(out, SUMMARY_FILE), false);
                return;
            }
            writeJson(planFile, conf, plan);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the output folder " + out + ": " + e.getMessage(), e);
        }
    }

    static void writeJson(Path file, Configuration conf, Object value) {
        try (FSDataOutputStream o = file.getFileSystem(conf).create(file, true)) {
            o.write(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(value));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reports progress about twice a second until finished. */
    private static final class ProgressThread extends Thread {
        private final java.util.function.Supplier<CorpusProgress> now;
        private final Consumer<CorpusProgress> sink;
        private volatile boolean finished;

        ProgressThread(java.util.function.Supplier<CorpusProgress> now, Consumer<CorpusProgress> sink) {
            super("tessera-corpus-progress");
            setDaemon(true);
            this.now = now;
            this.sink = sink;
        }

        @Override
        public void run() {
            while (!finished) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
                if (!finished) {
                    sink.accept(now.get());
                }
            }
        }

        void finish() {
            finished = true;
            interrupt();
        }
    }
}
