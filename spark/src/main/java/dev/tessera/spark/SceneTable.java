package dev.tessera.spark;

import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.image.Images;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import picocli.CommandLine.Option;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;

/**
 * A Parquet table of generated scenes, made in parallel: one row per scene with its PNG bytes
 * ({@code content}), a name ({@code path}: {@code scene:SEED:INDEX}) and its exact caption
 * ({@code caption}). Scene {@code i} of a seed is the same picture wherever it is drawn, so the
 * table is the scene generator's output written down; {@code tokenize --table} turns it into
 * captioned token shards, which {@link ShardTraining} trains the unified model from.
 */
public final class SceneTable {

    /** The table's columns. */
    public static final StructType SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("path", DataTypes.StringType, false),
            DataTypes.createStructField("content", DataTypes.BinaryType, false),
            DataTypes.createStructField("caption", DataTypes.StringType, false)));

    private SceneTable() {
    }

    /** Writes scenes {@code first .. first + count - 1} of {@code scenes} to {@code output} (which must not exist). */
    public static long write(SparkSession spark, SceneConfig scenes, long first, int count, String output) {
        if (count < 1) {
            throw new IllegalArgumentException("--count must be at least 1, got " + count);
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<Long> starts = new ArrayList<>();
        int per = 256;
        for (long s = first; s < first + count; s += per) {
            starts.add(s);
        }
        long end = first + count;
        int size = scenes.size();
        int min = scenes.minObjects();
        int max = scenes.maxObjects();
        long seed = scenes.seed();  // the closure carries numbers: SceneConfig is not Serializable
        var rows = jsc.parallelize(starts, Math.max(1, Math.min(starts.size(), jsc.defaultParallelism() * 2))).flatMap(start -> {
            SceneGenerator g = new SceneGenerator(new SceneConfig(size, min, max, seed));
            List<Row> out = new ArrayList<>();
            for (long i : LongStream.range(start, Math.min(end, start + per)).toArray()) {
                Scene s = g.scene(i);
                out.add(RowFactory.create("scene:" + seed + ":" + i, png(s), s.caption()));
            }
            return out.iterator();
        });
        spark.createDataFrame(rows, SCHEMA).write().mode(SaveMode.ErrorIfExists).parquet(output);
        return count;
    }

    /** The PNG bytes of a scene's picture (lossless: tokenizing them gives the scene's own pixels). */
    static byte[] png(Scene s) {
        try {
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            ImageIO.write(Images.toBuffered(s.image()), "png", o);
            return o.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code scenes}: writes a scene table. */
    @picocli.CommandLine.Command(name = "scenes", mixinStandardHelpOptions = true,
            description = "Write generated scenes (PNG bytes and their exact captions) as a Parquet table, for tokenize --table.")
    static final class Command implements Callable<Integer> {
        @Option(names = "--output", required = true, description = "The table's folder (must not exist).")
        String output;
        @Option(names = "--count", required = true, description = "Scenes to write.")
        int count;
        @Option(names = "--first", defaultValue = "0", description = "First scene index (default: ${DEFAULT-VALUE}).")
        long first;
        @Option(names = "--size", defaultValue = "32", description = "Side in pixels (default: ${DEFAULT-VALUE}, the unified model's tokenizers).")
        int size;
        @Option(names = "--min-objects", defaultValue = "1") int minObjects;
        @Option(names = "--max-objects", defaultValue = "3") int maxObjects;
        @Option(names = "--seed", defaultValue = "17", description = "Scene seed (default: ${DEFAULT-VALUE}).")
        long seed;
        @Option(names = "--master", description = "Spark's master (default: what spark-submit set, else local[*]).")
        String master;

        @Override
        public Integer call() {
            SceneConfig scenes = new SceneConfig(size, minObjects, maxObjects, seed);
            SparkSession spark = SparkSessions.start(SparkSessions.master(master), "scenes");
            try {
                write(spark, scenes, first, count, output);
                System.out.println(count + " scenes (seed " + seed + ", " + size + " px) -> " + output);
                return 0;
            } finally {
                spark.stop();
            }
        }
    }
}
