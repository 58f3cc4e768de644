package dev.tessera.engine.cli;

import dev.tessera.engine.tokenize.ClusterTokenizer;
import dev.tessera.engine.tokenize.ClusterTokenizerConfig;
import dev.tessera.engine.tokenize.GridTokenizer;
import dev.tessera.engine.tokenize.TokenizerConfig;
import dev.tessera.engine.tokenize.TrainableTokenizer;
import dev.tessera.engine.train.TokenizerTrainingConfig;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The named recipes of the shipped tokenizers: architecture plus training settings. */
enum TokenizerPreset {
    VQ_SHAPES64(seed -> GridTokenizer.create("vq-shapes64", TokenizerConfig.shapes64(), seed),
            TokenizerTrainingConfig.shapes64()),
    RVQ_SHAPES64(seed -> GridTokenizer.create("rvq-shapes64", TokenizerConfig.shapes64Residual(), seed),
            TokenizerTrainingConfig.shapes64()),
    FSQ_SHAPES64(seed -> GridTokenizer.create("fsq-shapes64", TokenizerConfig.shapes64Fsq(), seed),
            TokenizerTrainingConfig.shapes64()),
    VQ_SHAPES32(seed -> GridTokenizer.create("vq-shapes32", TokenizerConfig.shapes32(), seed),
            TokenizerTrainingConfig.shapes64()),
    FSQ_SHAPES32(seed -> GridTokenizer.create("fsq-shapes32", TokenizerConfig.shapes32Fsq(), seed),
            TokenizerTrainingConfig.shapes64().withSteps(3000)),
    RVQ2_SHAPES32(seed -> GridTokenizer.create("rvq2-shapes32", TokenizerConfig.shapes32Residual(2), seed),
            TokenizerTrainingConfig.shapes64()),
    RVQ4_SHAPES32(seed -> GridTokenizer.create("rvq4-shapes32", TokenizerConfig.shapes32Residual(4), seed),
            TokenizerTrainingConfig.shapes64()),
    SETOK_SHAPES64(seed -> ClusterTokenizer.create("setok-shapes64", ClusterTokenizerConfig.shapes64(), seed),
            TokenizerTrainingConfig.setok64()),
    TINY(seed -> GridTokenizer.create("tiny", TokenizerConfig.tiny(), seed), TokenizerTrainingConfig.smoke());

    private final Function<Long, TrainableTokenizer<?>> factory;
    private final TokenizerTrainingConfig recipe;

    TokenizerPreset(Function<Long, TrainableTokenizer<?>> factory, TokenizerTrainingConfig recipe) {
        this.factory = factory;
        this.recipe = recipe;
    }

    /** The preset's name as typed on the command line, e.g. {@code rvq-shapes64}. */
    String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    TrainableTokenizer<?> create(long seed) {
        return factory.apply(seed);
    }

    TokenizerTrainingConfig recipe() {
        return recipe;
    }

    static TokenizerPreset parse(String text) {
        for (TokenizerPreset p : values()) {
            if (p.id().equals(text)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown preset '" + text + "': use one of "
                + Arrays.stream(values()).map(TokenizerPreset::id).collect(Collectors.joining(", ")));
    }
}
