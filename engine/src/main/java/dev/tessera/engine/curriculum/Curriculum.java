package dev.tessera.engine.curriculum;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tessera.engine.io.Json;
import dev.tessera.engine.unified.UnifiedRun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * An ordered list of {@link Stage}s trained back to back by a {@link CurriculumRunner}: the way
 * the four papers pretrain (UniCode's alignment then instruction stages, TEAL's frozen language
 * model tuned in two stages). Saved and loaded as JSON a user can copy and edit; the shipped ones
 * are {@link Curricula}.
 *
 * @param name        a short name, e.g. {@code scenes}
 * @param description one sentence: what it trains and why
 * @param model       the model preset of fresh stages and of every checkpoint a stage starts from
 *                    ({@link UnifiedRun#PRESETS}: {@code small}, {@code small-unicode}, {@code small-teal}, ...)
 * @param stages      the stages, in order
 * @param guard       held-out text perplexity measured before the first stage and after each one
 *                    (TEAL's check that the language model kept its text skills), or null for none
 */
public record Curriculum(String name, String description, String model, List<Stage> stages, TextGuard guard) {

    /** A curriculum without a text guard. */
    public Curriculum(String name, String description, String model, List<Stage> stages) {
        this(name, description, model, stages, null);
    }

    public Curriculum {
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,39}")) {
            throw new IllegalArgumentException("a curriculum name is 1-40 lower-case letters, digits or '-', got '" + name + "'");
        }
        UnifiedRun.config(model);
        if (stages == null || stages.isEmpty()) {
            throw new IllegalArgumentException("curriculum " + name + " has no stage; add at least one");
        }
        stages = List.copyOf(stages);
        Set<String> names = new HashSet<>();
        for (Stage s : stages) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("curriculum " + name + " has two stages named " + s.name());
            }
        }
        if (stages.get(0).start().equals(Stage.PREVIOUS)) {
            throw new IllegalArgumentException("the first stage (" + stages.get(0).name() + ") has no previous stage to start "
                    + "from; start it " + Stage.FRESH + ", from " + Stage.SHIPPED + "NAME or from a checkpoint folder");
        }
        if (description == null) {
            description = "";
        }
    }

    /** The stage named {@code stageName}, or an error listing the stages. */
    public Stage stage(String stageName) {
        return stages.stream().filter(s -> s.name().equals(stageName)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("curriculum " + name + " has no stage '" + stageName + "'; its stages are "
                        + stages.stream().map(Stage::name).toList()));
    }

    /** Index of stage {@code stageName}. */
    public int indexOf(String stageName) {
        return stages.indexOf(stage(stageName));
    }

    /** This curriculum up to and including stage {@code stageName} (to train its first stages only). */
    public Curriculum upTo(String stageName) {
        return new Curriculum(name, description, model, stages.subList(0, indexOf(stageName) + 1), guard);
    }

    /** Every stage with {@code steps} steps (a smaller budget; warm-up shortened to fit). */
    public Curriculum withSteps(int steps) {
        return mapStages(s -> s.withTraining(s.training().withSteps(steps)));
    }

    /** Every stage with batches of {@code batch} sequences. */
    public Curriculum withBatchSize(int batch) {
        return mapStages(s -> s.withTraining(s.training().withBatchSize(batch)));
    }

    /**
     * Every stage with a seed of its own derived from {@code seed}: stage {@code k} (from 0) gets
     * {@code seed + k}. How the same curriculum is trained on several seeds for error bars.
     */
    public Curriculum withSeed(long seed) {
        List<Stage> seeded = new java.util.ArrayList<>(stages.size());
        for (int k = 0; k < stages.size(); k++) {
            seeded.add(stages.get(k).withTraining(stages.get(k).training().withSeed(seed + k)));
        }
        return new Curriculum(name, description, model, seeded, guard);
    }

    /** Every stage writing its checkpoint every {@code every} steps (0: at its end only). */
    public Curriculum withCheckpointEvery(int every) {
        return mapStages(s -> s.withTraining(s.training().withCheckpointEvery(every)));
    }

    /** Steps of all stages together. */
    public int totalSteps() {
        return stages.stream().mapToInt(s -> s.training().steps()).sum();
    }

    /** This curriculum with every stage's recipe changed by {@code change} (e.g. a smaller budget). */
    public Curriculum mapStages(UnaryOperator<Stage> change) {
        return new Curriculum(name, description, model, stages.stream().map(change).toList(), guard);
    }

    /** The JSON form, pretty-printed: what {@link #parse} reads back. */
    public String toJson() {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a curriculum from JSON text; a mistake is named with its place in the text. */
    public static Curriculum parse(String json) {
        try {
            return Json.mapper().readValue(json, Curriculum.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a valid curriculum: " + Json.problem(e), e);
        }
    }

    /** Reads a curriculum JSON file. */
    public static Curriculum read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the curriculum " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes it to {@code file} as JSON. */
    public void write(Path file) {
        try {
            Files.writeString(file, toJson());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the curriculum " + file + ": " + e.getMessage(), e);
        }
    }
}
