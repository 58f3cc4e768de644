package dev.tessera.engine.io;

import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.lm.LossWeighting;
import dev.tessera.engine.task.TaskMix;
import dev.tessera.engine.tokenize.GridTokenizer;
import dev.tessera.engine.tokenize.TokenizerConfig;
import dev.tessera.engine.train.TokenizerTrainer;
import dev.tessera.engine.train.TokenizerTrainingConfig;
import dev.tessera.engine.unified.UnifiedConfig;
import dev.tessera.engine.unified.UnifiedModel;
import dev.tessera.engine.unified.UnifiedTrainer;
import dev.tessera.engine.unified.UnifiedTrainingConfig;

import java.nio.file.Path;
import java.util.Map;

/**
 * The process {@link CheckpointKillIT} kills: trains a tiny tokenizer or unified model into a
 * folder with a checkpoint every {@value #EVERY} steps, so the first checkpoint completes and,
 * with {@code -Dtessera.test.holdCheckpointWrite=MARKER}, the second write holds half done.
 * Arguments: {@code tokenizer|unified FOLDER}.
 */
public final class CheckpointWriterMain {

    static final int EVERY = 2;
    /** The training config of the unified run, which a test resumes with. */
    static final UnifiedTrainingConfig UNIFIED = new UnifiedTrainingConfig(6, 4, 3e-3, 1, 0.0, 1.0, 5, EVERY,
            TaskMix.balanced(), LossWeighting.TOKEN);

    private CheckpointWriterMain() {
    }

    public static void main(String[] args) {
        Path folder = Path.of(args[1]);
        Map<String, Object> provenance = Map.of("writer", "CheckpointWriterMain");
        switch (args[0]) {
            case "tokenizer" -> {
                try (GridTokenizer t = GridTokenizer.create("killed", TokenizerConfig.tiny(), 3)) {
                    new TokenizerTrainer(t, new TokenizerTrainingConfig(10, 4, 3e-3, 1, 3, 0, EVERY, 0, 1.0),
                            SceneConfig.scenes64(0).withSize(16)).checkpointTo(folder, provenance).run();
                }
            }
            case "unified" -> {
                try (UnifiedModel model = UnifiedModel.create(UnifiedConfig.tiny(), 3);
                     UnifiedTrainer t = new UnifiedTrainer(model, UNIFIED)) {
                    t.checkpointTo(folder, provenance).run();
                }
            }
            default -> throw new IllegalArgumentException("usage: tokenizer|unified FOLDER, not " + args[0]);
        }
        // reaching here means no write held: the test fails on the missing marker
        System.out.println("finished without holding");
    }
}
