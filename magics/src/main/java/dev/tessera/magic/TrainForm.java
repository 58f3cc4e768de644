package dev.tessera.magic;

import dev.tessera.engine.curriculum.Curricula;
import dev.tessera.engine.lm.TransformerConfig;
import dev.tessera.engine.train.TokenizerPreset;
import dev.tessera.engine.train.TokenizerTrainingConfig;
import dev.tessera.engine.unified.UnifiedConfig;
import dev.tessera.engine.unified.UnifiedModels;
import dev.tessera.engine.unified.UnifiedRun;
import dev.tessera.engine.unified.UnifiedTrainingConfig;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.tessera.magic.TrainKey.BATCH;
import static dev.tessera.magic.TrainKey.CHECKPOINT_EVERY;
import static dev.tessera.magic.TrainKey.EMBEDDING;
import static dev.tessera.magic.TrainKey.FREEZE_TEXT;
import static dev.tessera.magic.TrainKey.LR;
import static dev.tessera.magic.TrainKey.OUT;
import static dev.tessera.magic.TrainKey.PRESET;
import static dev.tessera.magic.TrainKey.RECIPE;
import static dev.tessera.magic.TrainKey.RESUME;
import static dev.tessera.magic.TrainKey.SEED;
import static dev.tessera.magic.TrainKey.STAGE;
import static dev.tessera.magic.TrainKey.STEPS;
import static dev.tessera.magic.TrainKey.WEIGHTING;

/**
 * The three train magics, {@code train unified}, {@code train <curriculum>} and {@code train tokenizer}: which
 * {@link TrainKey}s each takes and what each key defaults to there (the notebook recipe's
 * numbers, or the curriculum's own), with the usage drawn from both. {@link TrainSettings}
 * refuses any other key and falls back on the same defaults.
 */
enum TrainForm {
    UNIFIED("%tessera train unified [key=value ...]"),
    CURRICULUM("%tessera train <curriculum> [stage=NAME] [key=value ...]"),
    TOKENIZER("%tessera train tokenizer [key=value ...]");

    /** The model {@code train unified} trains without {@code preset=}. */
    static final String DEFAULT_PRESET = "small";
    /** The tokenizer {@code train tokenizer} trains without {@code recipe=}. */
    static final String DEFAULT_RECIPE = "vq-shapes64";

    /** A key as one form takes it: its default there and, if any, what else to know about it there. */
    private record Use(TrainKey key, Object byDefault, String note) {

        Use(TrainKey key, Object byDefault) {
            this(key, byDefault, null);
        }

        UsageText.Row row() {
            UsageText.Row r = key.row(String.valueOf(byDefault));
            return note == null ? r : new UsageText.Row(r.label(), r.text() + "; " + note);
        }
    }

    private final String synopsis;

    TrainForm(String synopsis) {
        this.synopsis = synopsis;
    }

    /** The folder a run writes when {@code out=} does not name one: {@code runs/<name>-<stamp>}. */
    static String runFolder(String name, String stamp) {
        return "runs/" + name + "-" + stamp;
    }

    /** The keys this form takes. */
    Set<TrainKey> keys() {
        return uses().stream().map(Use::key).collect(Collectors.toCollection(() -> EnumSet.noneOf(TrainKey.class)));
    }

    /** {@code Usage: %tessera train ...} and a row per key, with its range and its default here. */
    String usage() {
        List<UsageText.Row> rows = new ArrayList<>();
        if (this == CURRICULUM) {
            rows.add(new UsageText.Row("<curriculum>", "a shipped curriculum (" + String.join(", ", Curricula.SHIPPED)
                    + ") or a curriculum JSON file; %tessera curriculum NAME shows its stages. steps=, batch= and "
                    + "checkpoint-every= set every stage's"));
        }
        uses().forEach(u -> rows.add(u.row()));
        return UsageText.usage(synopsis, rows);
    }

    /** The usages of every form, for the {@code train} command. */
    static String usages() {
        return UNIFIED.usage() + "\n\n" + CURRICULUM.usage() + "\n\n" + TOKENIZER.usage();
    }

    private List<Use> uses() {
        String stamp = "<date-time>";
        if (this == CURRICULUM) {
            String own = "each stage's own";
            return List.of(new Use(STAGE, "all stages"), new Use(STEPS, own), new Use(BATCH, own),
                    new Use(CHECKPOINT_EVERY, own), new Use(OUT, runFolder("<curriculum>", stamp),
                            "the same line with the same out= resumes an interrupted run"));
        }
        if (this == TOKENIZER) {
            TokenizerTrainingConfig t = TokenizerPreset.parse(DEFAULT_RECIPE).notebookRecipe();
            return List.of(new Use(RECIPE, DEFAULT_RECIPE),
                    new Use(STEPS, TokenizerPreset.NOTEBOOK_STEPS, "the shipped checkpoints took 1000 to 3000"),
                    new Use(BATCH, TokenizerPreset.NOTEBOOK_BATCH),
                    new Use(LR, "the recipe's own, " + t.learningRate() + " for " + DEFAULT_RECIPE),
                    new Use(SEED, "the recipe's own, " + t.seed() + " for " + DEFAULT_RECIPE),
                    new Use(CHECKPOINT_EVERY, "the recipe's own, " + t.checkpointEvery() + " for " + DEFAULT_RECIPE),
                    new Use(OUT, runFolder("<recipe>", stamp), "load it with TokenizerCheckpoint.load(Path.of(FOLDER))"));
        }
        UnifiedTrainingConfig recipe = UnifiedTrainingConfig.notebook();
        UnifiedConfig preset = UnifiedRun.config(DEFAULT_PRESET);
        TransformerConfig size = preset.transformer();
        return List.of(
                new Use(PRESET, DEFAULT_PRESET + ": width " + size.width() + ", " + size.layers() + " layers"),
                new Use(EMBEDDING, "the preset's own, " + preset.embedding().id()),
                new Use(FREEZE_TEXT, false),
                new Use(STEPS, recipe.steps() + ": a few minutes on 2 cores"),
                new Use(BATCH, recipe.batchSize()),
                new Use(LR, recipe.learningRate()),
                new Use(SEED, recipe.seed()),
                new Use(CHECKPOINT_EVERY, recipe.checkpointEvery()),
                new Use(WEIGHTING, recipe.weighting().id()),
                new Use(OUT, runFolder("unified", stamp), "later magics take --model FOLDER, or --model "
                        + UnifiedModels.LAST + " for the model trained last"),
                new Use(RESUME, false));
    }
}
