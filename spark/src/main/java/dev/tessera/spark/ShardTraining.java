package dev.tessera.spark;

import dev.tessera.engine.corpus.TokenizerRef;
import dev.tessera.engine.task.CaptionTask;
import dev.tessera.engine.task.GenerateTask;
import dev.tessera.engine.task.TaskMix;
import dev.tessera.engine.tokenize.TokenizerCheckpoint;
import dev.tessera.engine.train.ProgressListener;
import dev.tessera.engine.unified.UnifiedModel;
import dev.tessera.engine.unified.UnifiedRun;
import dev.tessera.engine.unified.UnifiedTrainer;
import dev.tessera.engine.unified.UnifiedTrainingConfig;
import dev.tessera.engine.unified.UnifiedTrainingResult;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Trains the unified model from captioned token shards on disk ({@link ShardItems}) instead of
 * scenes generated in memory: the captioning and text-to-image tasks, which need a grid and its
 * caption and nothing else. The shards must come from the model's own image tokenizer (its
 * weights' SHA-256 is checked on every row). No Spark session is needed: the shards are read
 * with Parquet's own reader, file by file.
 */
public final class ShardTraining {

    /** The tasks shards can teach: both need only a grid and its caption. */
    public static final TaskMix MIX = TaskMix.of(CaptionTask.NAME, GenerateTask.NAME);

    private ShardTraining() {
    }

    /** Trains {@code model} on the shards in {@code shards} with {@code config}'s recipe (its mix replaced by {@link #MIX}). */
    public static UnifiedTrainingResult train(UnifiedModel model, UnifiedTrainingConfig config, String shards, Path out,
                                             ProgressListener listener) {
        if (!TokenizerCheckpoint.isShipped(model.imageTokenizer())) {
            throw new IllegalArgumentException("the model's image tokenizer " + model.imageTokenizer().name() + " is not a shipped"
                    + " checkpoint, so shards cannot be checked against it; train over a shipped tokenizer");
        }
        TokenizerRef ref = new TokenizerRef(model.imageTokenizer().name());
        try (ShardItems items = new ShardItems(shards, ref.checkpointHash(), model.imageTokenizer().codebookSize(), new Configuration());
             UnifiedTrainer trainer = new UnifiedTrainer(model, config.withMix(MIX))) {
            trainer.items(items).listener(listener);
            if (out != null) {
                Map<String, Object> provenance = new LinkedHashMap<>();
                provenance.put("shards", shards);
                provenance.put("items", items.describe());
                trainer.checkpointTo(out, provenance);
            }
            return trainer.run();
        }
    }

    /** {@code train}: trains a unified model preset from shards. */
    @picocli.CommandLine.Command(name = "train", mixinStandardHelpOptions = true,
            description = "Train a unified model from captioned token shards on disk (caption and text-to-image tasks).")
    static final class Command implements Callable<Integer> {
        @Option(names = "--shards", required = true, description = "The shards' folder (tokenize --table of a scene table).")
        String shards;
        @Option(names = "--preset", defaultValue = "tiny", description = "Model preset (default: ${DEFAULT-VALUE}).")
        String preset;
        @Option(names = "--steps", defaultValue = "150") int steps;
        @Option(names = "--batch", defaultValue = "16") int batch;
        @Option(names = "--seed", defaultValue = "5") long seed;
        @Option(names = "--out", description = "Checkpoint folder (optional).")
        Path out;

        @Override
        public Integer call() {
            UnifiedTrainingConfig cfg = UnifiedTrainingConfig.notebook().withSteps(steps).withBatchSize(batch).withSeed(seed);
            try (UnifiedModel model = UnifiedModel.create(UnifiedRun.config(preset), seed)) {
                UnifiedTrainingResult r = train(model, cfg, shards, out, p -> System.out.printf(Locale.ROOT,
                        "step %d/%d loss %.4f%n", p.step(), p.totalSteps(), p.loss()));
                System.out.printf(Locale.ROOT, "%d steps in %.1f s%n", r.steps(), r.seconds());
                return 0;
            }
        }
    }
}
