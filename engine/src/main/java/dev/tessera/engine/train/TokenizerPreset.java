package dev.tessera.engine.train;

import dev.tessera.engine.semantic.SemanticCheckpoint;
import dev.tessera.engine.semantic.SemanticEncoder;

import dev.tessera.engine.data.PhotoCorpus;
import dev.tessera.engine.data.PhotoCrops;
import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.TrainingImages;
import dev.tessera.engine.quantize.QuantizerConfig;
import dev.tessera.engine.tokenize.ClusterTokenizer;
import dev.tessera.engine.tokenize.ClusterTokenizerConfig;
import dev.tessera.engine.tokenize.GridTokenizer;
import dev.tessera.engine.tokenize.TokenizerConfig;
import dev.tessera.engine.tokenize.TrainableTokenizer;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The named recipes of the shipped tokenizers: architecture (encoder, quantizer, decoder) plus
 * training settings, so any shipped tokenizer can be trained again from scratch, as it was or
 * with changed settings ({@link TokenizerRun}).
 */
public enum TokenizerPreset {
    VQ_SHAPES64(TokenizerConfig.shapes64(), TokenizerTrainingConfig.shapes64()),
    RVQ_SHAPES64(TokenizerConfig.shapes64Residual(), TokenizerTrainingConfig.shapes64()),
    FSQ_SHAPES64(TokenizerConfig.shapes64Fsq(), TokenizerTrainingConfig.shapes64()),
    VQ_SHAPES32(TokenizerConfig.shapes32(), TokenizerTrainingConfig.shapes64()),
    FSQ_SHAPES32(TokenizerConfig.shapes32Fsq(), TokenizerTrainingConfig.shapes64().withSteps(3000)),
    /**
     * ILLUME's semantic tokenizer: {@code fsq-shapes32}'s codes, positions and recipe, its codes
     * trained to reconstruct the frozen {@code semantic-encoder32}'s features instead of pixels.
     */
    SEM_SHAPES32(TokenizerConfig.shapes32Semantic(), TokenizerTrainingConfig.shapes64().withSteps(3000)),
    RVQ2_SHAPES32(TokenizerConfig.shapes32Residual(2), TokenizerTrainingConfig.shapes64()),
    RVQ4_SHAPES32(TokenizerConfig.shapes32Residual(4), TokenizerTrainingConfig.shapes64()),
    SETOK_SHAPES64(ClusterTokenizerConfig.shapes64(), TokenizerTrainingConfig.setok64()),
    SETOK_SHAPES32(ClusterTokenizerConfig.shapes32(), TokenizerTrainingConfig.setok64()),
    /** Trained on crops of photographs ({@link PhotoCorpus}), not scenes. */
    PHOTO_64(TokenizerConfig.photo64(), TokenizerTrainingConfig.photo64()),
    TINY(TokenizerConfig.tiny(), TokenizerTrainingConfig.smoke());

    /** A grid tokenizer's config, or a cluster tokenizer's. */
    private final Record architecture;
    private final QuantizerConfig quantizer;
    private final TokenizerTrainingConfig recipe;

    TokenizerPreset(TokenizerConfig grid, TokenizerTrainingConfig recipe) {
        this.architecture = grid;
        this.quantizer = grid.quantizer();
        this.recipe = recipe;
    }

    TokenizerPreset(ClusterTokenizerConfig clusters, TokenizerTrainingConfig recipe) {
        this.architecture = clusters;
        this.quantizer = clusters.quantizer();
        this.recipe = recipe;
    }

    /** The preset's name as typed on the command line, e.g. {@code rvq-shapes64}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A fresh, untrained tokenizer of this architecture named after the preset, its weights drawn from {@code seed}. */
    public TrainableTokenizer<?> create(long seed) {
        return create(id(), seed);
    }

    /** As {@link #create(long)}, named {@code name} (what its results and checkpoint say it is). */
    public TrainableTokenizer<?> create(String name, long seed) {
        if (architecture instanceof ClusterTokenizerConfig c) {
            return ClusterTokenizer.create(name, c, seed);
        }
        return createGrid(name, (TokenizerConfig) architecture, seed);
    }

    /**
     * A fresh grid tokenizer of {@code config}; a semantic one gets its frozen backbone from the
     * semantic encoder its config names (a shipped name or a checkpoint folder), since its codes
     * learn to reconstruct that encoder's features from the first step.
     */
    public static GridTokenizer createGrid(String name, TokenizerConfig config, long seed) {
        GridTokenizer t = GridTokenizer.create(name, config, seed);
        if (config.semantic() != null) {
            try (SemanticEncoder e = SemanticCheckpoint.named(config.semantic().encoder())) {
                e.copyBackboneInto(t);
            } catch (RuntimeException e) {
                t.close();
                throw e;
            }
        }
        return t;
    }

    /** Steps of {@link #notebookRecipe()}. */
    public static final int NOTEBOOK_STEPS = 200;
    /** Images per step of {@link #notebookRecipe()}. */
    public static final int NOTEBOOK_BATCH = 16;

    /**
     * The recipe cut to a run a notebook can wait for: {@value #NOTEBOOK_STEPS} steps of
     * {@value #NOTEBOOK_BATCH} images (warm-up shortened to fit), the rest as shipped.
     */
    public TokenizerTrainingConfig notebookRecipe() {
        return recipe.withSteps(NOTEBOOK_STEPS).withBatchSize(NOTEBOOK_BATCH);
    }

    /** Codes per level of this architecture's quantizer. */
    public int codebookSize() {
        return quantizer.codebookSize();
    }

    /** Whether this preset trains on photographs (crops of {@link PhotoCorpus}'s training ones) rather than scenes. */
    public boolean photographs() {
        return this == PHOTO_64;
    }

    /** What this preset trains on, drawn with {@code seed}: photo crops or generated scenes of its image size. */
    public TrainingImages trainingImages(long seed) {
        int size = architecture instanceof ClusterTokenizerConfig c ? c.imageSize() : ((TokenizerConfig) architecture).imageSize();
        return photographs() ? PhotoCrops.training(PhotoCorpus.installed(), size, seed)
                : TrainingImages.scenes(SceneConfig.scenes64(seed).withSize(size));
    }

    /** The training settings the shipped checkpoint was made with. */
    public TokenizerTrainingConfig recipe() {
        return recipe;
    }

    /** Every preset's {@link #id()}, in declaration order. */
    public static java.util.List<String> ids() {
        return Arrays.stream(values()).map(TokenizerPreset::id).toList();
    }

    /** The preset named {@code text}; an unknown name is refused, naming the presets. */
    public static TokenizerPreset parse(String text) {
        for (TokenizerPreset p : values()) {
            if (p.id().equals(text)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown preset '" + text + "': use one of "
                + Arrays.stream(values()).map(TokenizerPreset::id).collect(Collectors.joining(", ")));
    }
}
