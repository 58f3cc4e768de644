package dev.tessera.engine.unified;

import dev.tessera.engine.lm.ImageStacking;
import dev.tessera.engine.quantize.ResidualConfig;
import dev.tessera.engine.quantize.VqConfig;
import dev.tessera.engine.tokenize.GridTokenizer;
import dev.tessera.engine.tokenize.TokenizerCheckpoint;
import dev.tessera.engine.tokenize.TokenizerConfig;

import java.nio.file.Path;
import java.util.Map;

/**
 * Stacked tiny models for tests: a fresh (untrained) 16 px residual tokenizer of {@value #DEPTH}
 * levels of 16 codes on a 4x4 grid, saved to a folder the model names (so a checkpoint of it loads),
 * under the tiny transformer with a 1-block depth transformer.
 */
final class StackedModels {

    static final int DEPTH = 3;

    private StackedModels() {
    }

    static TokenizerConfig tokenizer() {
        return new TokenizerConfig(16, 8, 2, new ResidualConfig(VqConfig.tiny(), DEPTH));
    }

    /** A stacked tiny model whose tokenizer is saved in {@code dir}. */
    static UnifiedModel create(Path dir, long seed) {
        GridTokenizer images = GridTokenizer.create("tiny-rvq" + DEPTH, tokenizer(), seed);
        TokenizerCheckpoint.save(images, dir, Map.of("test", true));
        UnifiedConfig config = UnifiedConfig.tiny().withImageTokenizer(dir.toString()).withStacking(new ImageStacking(1));
        return UnifiedModel.create(config, images, seed);
    }
}
