package dev.tessera.spark;

import dev.tessera.engine.corpus.CodebookUsage;
import dev.tessera.engine.corpus.CorpusItem;
import dev.tessera.engine.corpus.CorpusProgress;
import dev.tessera.engine.corpus.CorpusTokenizeResult;
import dev.tessera.engine.corpus.CorpusTokenizer;
import dev.tessera.engine.corpus.TokenizedImage;
import dev.tessera.engine.corpus.TokenizerRef;
import dev.tessera.engine.io.Json;
import dev.tessera.engine.tokenize.GridTokenizer;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The corpus job on {@code local[2]} over a folder of 1,081 real files of mixed kinds: one row per
 * file, exactly one error row per bad file, ids identical to the single-JVM tokenizer's on the same
 * batches and on one thread, at least 99.9% equal to a fresh single JVM's on two libtorch threads,
 * the merged codebook usage, the shards scored again, and a stopped run resumed.
 */
class TokenizeJobTest {

    private static final String TOKENIZER = "photo-64";
    private static final int BATCH = 32;
    private static final int CHUNK = 256;

    @TempDir
    static Path dir;
    static SparkSession spark;
    static MixedFolder folder;
    static CorpusTokenizeResult result;
    static Map<String, TokenizedImage> sparkRows;
    static List<CorpusProgress> progress = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void tokenizeTheFolderOnSpark() throws Exception {
        folder = new MixedFolder(Files.createDirectories(dir.resolve("corpus")));
        spark = SparkSessions.start("local[2]", "test");
        TokenizeJobConfig c = config(dir.resolve("shards"));
        result = TokenizeJob.run(spark, c, progress::add);
        sparkRows = rows(dir.resolve("shards"));
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    private static TokenizeJobConfig config(Path out) {
        return new TokenizeJobConfig(List.of(folder.root.toString()), out.toString(), new TokenizerRef(TOKENIZER), "local[2]",
                BATCH, CHUNK, true, false, null);
    }

    private static Map<String, TokenizedImage> rows(Path shards) {
        Map<String, TokenizedImage> out = new HashMap<>();
        for (Row r : spark.read().parquet(shards.toString()).collectAsList()) {
            TokenizedImage t = ShardSchema.image(r);
            assertThat(out.put(t.source(), t)).as("rows of " + t.source()).isNull();
        }
        return out;
    }

    @Test
    void everyFileIsOneRowAndEveryBadFileExactlyOneErrorRow() {
        assertThat(sparkRows).hasSize(MixedFolder.GOOD + MixedFolder.BAD);
        assertThat(result.files()).isEqualTo(MixedFolder.GOOD + MixedFolder.BAD);
        List<String> errors = sparkRows.values().stream().filter(r -> !r.ok()).map(TokenizedImage::source).sorted().toList();
        assertThat(errors).containsExactlyElementsOf(folder.bad.stream().sorted().toList());
        assertThat(result.errors()).isEqualTo(MixedFolder.BAD);
        assertThat(sparkRows.keySet()).noneMatch(s -> s.contains(".DS_Store"));
        assertThat(sparkRows.get(folder.root.resolve("broken/bomb.png").toString()).error()).contains("megapixel limit");
        assertThat(sparkRows.get(folder.root.resolve("broken/cut-0.jpg").toString()).error()).contains("truncated");
        assertThat(sparkRows.get(folder.root.resolve("broken/photo.webp").toString()).error()).contains("not an image");
        TokenizedImage wallpaper = sparkRows.get(folder.root.resolve("odd/wallpaper-0.jpg").toString());
        assertThat(wallpaper.width()).isEqualTo(2560);
        assertThat(wallpaper.height()).isEqualTo(1440);
        assertThat(sparkRows.get(folder.root.resolve("odd/cmyk-3.jpg").toString()).ok()).isTrue();
        assertThat(sparkRows.get(folder.root.resolve("odd/deep-3.png").toString()).ok()).isTrue();
        TokenizedImage scene = sparkRows.get(folder.root.resolve("scenes/part1/scene-0300.png").toString());
        assertThat(scene.ids()).hasSize(16 * 16);
        assertThat(scene.tokenizer()).isEqualTo(TOKENIZER);
        assertThat(scene.checkpoint()).isEqualTo(new TokenizerRef(TOKENIZER).checkpointHash());
        assertThat(scene.psnr()).isBetween(15.0, 80.0);
    }

    @Test
    void theIdsAreTheSingleJvmTokenizersForTheSameBatches() {
        Configuration conf = new Configuration();
        List<String> files = CorpusFiles.list(List.of(folder.root.toString()), conf);
        assertThat(files).hasSize(MixedFolder.GOOD + MixedFolder.BAD);
        TokenizerRef ref = new TokenizerRef(TOKENIZER);
        List<TokenizedImage> single = new ArrayList<>();
        try (GridTokenizer t = ref.load()) {
            CorpusTokenizer ct = new CorpusTokenizer(t, ref.checkpointHash(), true);
            for (int i = 0; i < files.size(); i += BATCH) {
                List<CorpusItem> batch = files.subList(i, Math.min(files.size(), i + BATCH)).stream()
                        .map(f -> CorpusFiles.read(f, conf, null)).toList();
                single.addAll(ct.tokenize(batch));
            }
        }
        long positions = 0;
        long equal = 0;
        for (TokenizedImage s : single) {
            TokenizedImage r = sparkRows.get(s.source());
            assertThat(r.ok()).as(s.source()).isEqualTo(s.ok());
            for (int j = 0; j < s.ids().length; j++) {
                positions++;
                equal += s.ids()[j] == r.ids()[j] ? 1 : 0;
            }
        }
        assertThat((double) equal / positions).as("ids agreeing, of " + positions).isGreaterThanOrEqualTo(0.999);
        // the job cuts the sorted files into exactly the single-JVM run's batches, one libtorch thread each
        assertThat(equal).as("identical where the batch is the same").isEqualTo(positions);
        assertThat(result.usage()).isEqualTo(CodebookUsage.of(single, 64000));
    }

    @Test
    void theIdsAgreeWithASingleJvmRunOnTwoLibtorchThreadsInAFreshJvm() throws Exception {
        Path rowsFile = dir.resolve("single-jvm-rows.jsonl");
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "@" + Path.of("jvm.options").toAbsolutePath(), "-Xmx2g", "-cp", System.getProperty("java.class.path"),
                SparkCli.class.getName(), "tokenize-local", "--input", folder.root.toString(), "--tokenizer", TOKENIZER,
                "--batch", Integer.toString(BATCH), "--rows", rowsFile.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("TESSERA_THREADS", "2");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(output).isZero();
        long positions = 0;
        long equal = 0;
        long rows = 0;
        for (String line : Files.readAllLines(rowsFile)) {
            var row = Json.mapper().readTree(line);
            TokenizedImage spark = sparkRows.get(row.get("source").asText());
            assertThat(spark).as(row.get("source").asText()).isNotNull();
            assertThat(spark.ok()).as(spark.source()).isEqualTo(row.get("error").asText().isEmpty());
            for (int j = 0; j < row.get("ids").size(); j++) {
                positions++;
                equal += row.get("ids").get(j).asInt() == spark.ids()[j] ? 1 : 0;
            }
            rows++;
        }
        assertThat(rows).isEqualTo(MixedFolder.GOOD + MixedFolder.BAD);
        assertThat(output).contains("\"threads\": 2");
        assertThat((double) equal / positions).as(equal + " of " + positions + " ids agree").isGreaterThanOrEqualTo(0.999);
    }

    @Test
    void theSummaryAndTheMergedUsageAreWrittenBesideTheShards() throws Exception {
        Path out = dir.resolve("shards");
        CorpusTokenizeResult back = Json.mapper().readValue(out.resolve(TokenizeJob.SUMMARY_FILE).toFile(), CorpusTokenizeResult.class);
        assertThat(back).isEqualTo(result);
        CodebookUsage usage = Json.mapper().readValue(out.resolve(TokenizeJob.USAGE_FILE).toFile(), CodebookUsage.class);
        assertThat(usage).isEqualTo(result.usage());
        assertThat(usage.images()).isEqualTo(MixedFolder.GOOD);
        assertThat(result.medianPsnr()).isBetween(15.0, 60.0);
        assertThat(result.errorSamples()).hasSize(CorpusTokenizeResult.ERROR_SAMPLES);
        try (var chunks = Files.list(out)) {
            assertThat(chunks.filter(p -> p.getFileName().toString().startsWith("chunk=")).count())
                    .isEqualTo((MixedFolder.GOOD + MixedFolder.BAD + CHUNK - 1) / CHUNK);
        }
        assertThat(progress).isNotEmpty();
        CorpusProgress last = progress.get(progress.size() - 1);
        assertThat(last.done()).isEqualTo(last.total()).isEqualTo(MixedFolder.GOOD + MixedFolder.BAD);
        assertThat(last.errors()).isEqualTo(MixedFolder.BAD);
    }

    @Test
    void aStoppedRunResumesFromItsFinishedChunksAndAnOccupiedOutputIsRefused() throws Exception {
        Path out = dir.resolve("resumed");
        TokenizeJobConfig c = config(out).withPsnr(false);
        TokenizeJob.run(spark, c, p -> { });
        // as a stop leaves it: the last chunk half written (no _SUCCESS), no summary yet
        Path last = out.resolve(String.format("chunk=%05d", 4));
        Files.delete(last.resolve("_SUCCESS"));
        Files.delete(out.resolve(TokenizeJob.SUMMARY_FILE));
        long readable = 0;
        try (ShardRows rows = new ShardRows(out.toString(), new Configuration())) {
            while (rows.hasNext()) {
                rows.next();
                readable++;
            }
        }
        assertThat(readable).as("rows of committed chunks only").isEqualTo(4L * CHUNK);
        long[] before = {-1};
        CorpusTokenizeResult again = TokenizeJob.run(spark, c.withResume(true), p -> {
            if (before[0] < 0) {
                before[0] = p.done();
            }
        });
        assertThat(before[0]).as("files counted done at the first report").isGreaterThanOrEqualTo(4L * CHUNK);
        assertThat(again.files()).isEqualTo(MixedFolder.GOOD + MixedFolder.BAD);
        Map<String, TokenizedImage> rows = rows(out);
        assertThat(rows).hasSize(MixedFolder.GOOD + MixedFolder.BAD);
        for (TokenizedImage r : rows.values()) {
            assertThat(r.ids()).as(r.source()).isEqualTo(sparkRows.get(r.source()).ids());
        }
        assertThatThrownBy(() -> TokenizeJob.run(spark, c, p -> { })).hasMessageContaining("already exists")
                .hasMessageContaining("--resume");
        assertThatThrownBy(() -> TokenizeJob.run(spark, c.withChunk(512).withResume(true), p -> { }))
                .hasMessageContaining("cannot resume");
    }

    @Test
    void theShardsEvaluateTheirTokenizerWithoutEncodingAgain() {
        ShardEvaluation.Report r = ShardEvaluation.evaluate(dir.resolve("shards").toString(), new Configuration());
        assertThat(r.rows()).isEqualTo(MixedFolder.GOOD + MixedFolder.BAD);
        assertThat(r.errors()).isEqualTo(MixedFolder.BAD);
        assertThat(r.missing()).isZero();
        assertThat(r.psnrMismatches()).as("stored PSNRs against the ids decoded again").isZero();
        assertThat(r.overall().images()).isEqualTo(MixedFolder.GOOD);
        assertThat(r.overall().medianPsnr()).isCloseTo(result.medianPsnr(), org.assertj.core.data.Offset.offset(0.5));
        assertThat(r.overall().medianSsim()).isBetween(0.3, 1.0);
        assertThat(r.groups()).extracting(ShardEvaluation.Group::name).contains("part0", "part1", "part2", "jpeg", "odd");
        assertThat(r.usage()).isEqualTo(result.usage());
        assertThat(r.table()).contains("| **all** | " + MixedFolder.GOOD + " |");
    }

    @Test
    void anEmptyFolderAndAResumedTableAreRefusedBeforeAnyWork() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve(".hidden"), "x");
        assertThatThrownBy(() -> TokenizeJob.run(spark, new TokenizeJobConfig(List.of(empty.toString()),
                dir.resolve("out-empty").toString(), new TokenizerRef(TOKENIZER), "local[2]", BATCH, CHUNK, true, false, null), p -> { }))
                .hasMessageContaining("no file under");
        assertThat(dir.resolve("out-empty")).doesNotExist();
        assertThatThrownBy(() -> TokenizeJob.run(spark, config(dir.resolve("out-table")).withTable(TokenizeJobConfig.TableColumns.defaults())
                .withResume(true), p -> { })).hasMessageContaining("a table is tokenized in one job");
    }

    @Test
    void anInputThatMatchesNothingIsNamed() {
        assertThatThrownBy(() -> CorpusFiles.list(List.of(dir.resolve("nowhere/*.jpg").toString()), new Configuration()))
                .hasMessageContaining("matches no file");
        List<String> jpegs = CorpusFiles.list(List.of(folder.root.resolve("jpeg/*.jpg").toString()), new Configuration());
        assertThat(jpegs).hasSize(60).isSorted();
        assertThat(jpegs.stream().collect(Collectors.toSet())).hasSize(60);
    }
}
