package dev.tessera.engine.curriculum;

import dev.tessera.engine.unified.UnifiedTrainingConfig;

/**
 * One stage of a {@link Curriculum}: where its weights start and how it trains them, i.e. its
 * tasks with their mixing weights, the parameter groups that learn, the loss weighting, the
 * optimizer and schedule, steps, batch and seed ({@link UnifiedTrainingConfig}). The image
 * tokenizer stays frozen unless the stage aligns its codebook with the model (UniCode's
 * {@link dev.tessera.engine.unified.CodebookAlignment}); frozen, its ids are the vocabulary the
 * stage trains on.
 *
 * @param name     a short name, unique in its curriculum; its checkpoint folder is named after it
 * @param start    {@value #FRESH} (new weights for the curriculum's model, from the stage's seed),
 *                 {@value #PREVIOUS} (the previous stage's result), {@code shipped:NAME} (a shipped
 *                 model such as {@code shipped:unified-shapes32}) or a checkpoint folder
 * @param training the recipe of this stage
 */
public record Stage(String name, String start, UnifiedTrainingConfig training) {

    /** Start from new weights. */
    public static final String FRESH = "fresh";
    /** Start from the previous stage's result. */
    public static final String PREVIOUS = "previous";
    /** Prefix of a shipped model's name. */
    public static final String SHIPPED = "shipped:";

    public Stage {
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,39}")) {
            throw new IllegalArgumentException("a stage name is 1-40 lower-case letters, digits or '-', got '" + name + "'");
        }
        if (start == null || start.isBlank()) {
            throw new IllegalArgumentException("stage " + name + " needs a start: " + FRESH + ", " + PREVIOUS + ", "
                    + SHIPPED + "NAME or a checkpoint folder");
        }
        if (training == null) {
            throw new IllegalArgumentException("stage " + name + " needs its training recipe");
        }
    }

    public Stage withTraining(UnifiedTrainingConfig t) {
        return new Stage(name, start, t);
    }

    public Stage withStart(String s) {
        return new Stage(name, s, training);
    }
}
