package dev.tessera.spark;

import dev.tessera.engine.corpus.CorpusTokenizeResult;
import dev.tessera.engine.corpus.TokenizedImage;
import dev.tessera.engine.corpus.TokenizerRef;
import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.task.SceneItem;
import dev.tessera.engine.tokenize.GridTokenizer;
import dev.tessera.engine.train.StepLoss;
import dev.tessera.engine.unified.UnifiedConfig;
import dev.tessera.engine.unified.UnifiedModel;
import dev.tessera.engine.unified.UnifiedTrainingConfig;
import dev.tessera.engine.unified.UnifiedTrainingResult;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Scene shards on disk: a scene table written on {@code local[2]}, tokenized with its captions by
 * the unified model's own tokenizer, then the tiny unified model trained from the shards (not
 * from scenes in memory) until its loss falls.
 */
class ShardTrainingTest {

    private static final String TOKENIZER = UnifiedConfig.tiny().imageTokenizer();
    private static final int SCENES = 320;

    @TempDir
    static Path dir;
    static SparkSession spark;
    static String shards;
    static SceneConfig config = new SceneConfig(32, 1, 3, 23);

    @BeforeAll
    static void writeAndTokenizeAScene() {
        spark = SparkSessions.start("local[2]", "test");
        String table = dir.resolve("scenes.parquet").toString();
        SceneTable.write(spark, config, 0, SCENES, table);
        shards = dir.resolve("shards").toString();
        CorpusTokenizeResult r = TokenizeJob.run(spark, new TokenizeJobConfig(List.of(table), shards, new TokenizerRef(TOKENIZER),
                "local[2]", 64, 2048, false, false, TokenizeJobConfig.TableColumns.defaults()), p -> { });
        assertThat(r.files()).isEqualTo(SCENES);
        assertThat(r.errors()).isZero();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void aCaptionColumnThatIsNotThereIsNamedWithTheColumnsThatAre() {
        String table = dir.resolve("scenes.parquet").toString();
        assertThatThrownBy(() -> TokenizeJob.run(spark, new TokenizeJobConfig(List.of(table), dir.resolve("x").toString(),
                new TokenizerRef(TOKENIZER), "local[2]", 64, 2048, false, false,
                new TokenizeJobConfig.TableColumns("content", "path", "label")), p -> { }))
                .hasMessageContaining("no column 'label'").hasMessageContaining("path, content, caption");
    }

    @Test
    void eachShardRowIsItsScenesGridAndCaption() {
        SceneGenerator g = new SceneGenerator(config);
        try (GridTokenizer t = new TokenizerRef(TOKENIZER).load()) {
            List<Row> rows = spark.read().parquet(shards).collectAsList();
            assertThat(rows).hasSize(SCENES);
            for (Row r : rows) {
                TokenizedImage img = ShardSchema.image(r);
                Scene s = g.scene(Long.parseLong(img.source().substring(img.source().lastIndexOf(':') + 1)));
                assertThat(img.caption()).isEqualTo(s.caption());
                assertThat(img.ids()).as(img.source()).hasSize(64).isEqualTo(t.encode(s.image()).ids());
            }
        }
    }

    @Test
    void itemsComeByPositionWrappingAroundWhateverWasAskedBefore() {
        String hash = new TokenizerRef(TOKENIZER).checkpointHash();
        try (ShardItems a = new ShardItems(shards, hash, 1000, new Configuration());
             ShardItems b = new ShardItems(shards, hash, 1000, new Configuration())) {
            assertThat(a.size()).isEqualTo(SCENES);
            a.items(0, 100);
            List<SceneItem> continued = a.items(100, 300);   // wraps past 320
            List<SceneItem> direct = b.items(100, 300);      // a resumed run's first request
            for (int i = 0; i < continued.size(); i++) {
                assertThat(continued.get(i).tokens().ids()).isEqualTo(direct.get(i).tokens().ids());
                assertThat(continued.get(i).caption()).isEqualTo(direct.get(i).caption());
            }
            assertThat(a.items(SCENES, 1).get(0).tokens().ids()).isEqualTo(b.items(0, 1).get(0).tokens().ids());
            assertThat(continued.get(0).hasScene()).isFalse();
        }
        assertThatThrownBy(() -> new ShardItems(shards, "0".repeat(64), 1000, new Configuration()).items(0, 1))
                .hasMessageContaining("not by the model's image tokenizer");
        assertThatThrownBy(() -> new ShardItems(dir.resolve("none").toString(), hash, 1000, new Configuration()))
                .hasMessageContaining("no token shards");
    }

    @Test
    void theTinyModelLearnsFromShardsOnDiskAndNotAtLearningRateZero() {
        UnifiedTrainingConfig cfg = new UnifiedTrainingConfig(40, 8, 3e-3, 4, 0.0, 1.0, 3, 0, ShardTraining.MIX,
                dev.tessera.engine.lm.LossWeighting.TOKEN);
        assertThat(falls(train(cfg))).as("at learning rate 3e-3").isTrue();
        assertThat(falls(train(cfg.withLearningRate(0)))).as("at learning rate 0").isFalse();
    }

    private static List<StepLoss> train(UnifiedTrainingConfig cfg) {
        try (UnifiedModel model = UnifiedModel.create(UnifiedConfig.tiny(), 1)) {
            UnifiedTrainingResult r = ShardTraining.train(model, cfg, shards, null, p -> { });
            assertThat(r.history()).hasSize(cfg.steps());
            return r.history();
        }
    }

    /** Mean loss of the last 5 steps at least 0.5 nats under the first 5 (UnifiedTrainerTest's rule). */
    private static boolean falls(List<StepLoss> h) {
        double first = h.subList(0, 5).stream().mapToDouble(StepLoss::loss).average().orElseThrow();
        double last = h.subList(h.size() - 5, h.size()).stream().mapToDouble(StepLoss::loss).average().orElseThrow();
        return last < first - 0.5;
    }

}
