package dev.tessera.engine.curriculum;

import dev.tessera.engine.train.TrainingStop;
import dev.tessera.engine.unified.UnifiedModels;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The shipped curricula, stored as the JSON a user copies and edits:
 * <ul>
 *   <li>{@code scenes}: the recipe of the shipped {@code unified-shapes32} model. 8,000 steps of
 *       captioning, text-to-image and question answering, every target token counting the same,
 *       then 3,000 steps at a lower learning rate in which every sequence counts the same
 *       (short answers stop being drowned by 64-id images).</li>
 *   <li>{@code unicode}: UniCode's language-driven codebook alignment over {@code vq-shapes32}, then
 *       an instruction stage with the tokenizer frozen.</li>
 *   <li>{@code unicode-stacked}: UniCode's stacked tokens ({@code small-stacked4}), then its Stage II
 *       instruction mix with image decompression.</li>
 *   <li>{@code teal}: TEAL's text-first model, then stages that keep its language part frozen,
 *       with a text-perplexity guard.</li>
 *   <li>{@code prompts}: the shipped model, 1,000 more steps in which text-to-image also trains on
 *       the GenEval prompt grammar's phrasings ({@code generate-prompts}) beside captions.</li>
 *   <li>{@code illume}: ILLUME's three stages from the text-first {@code teal-text} model, its
 *       context grown for two-image tasks: aligning the image side alone (captioning and
 *       regenerating the input), then everything on caption and text-to-image pairs, then
 *       supervised fine-tuning with questions and image editing.</li>
 *   <li>{@code setok}: captioning and questions from scratch over SeTok's dynamic tokens
 *       ({@code setok-shapes32}), each image a variable-length span; the {@code setok} ablation
 *       runs it beside the same stage over a fixed grid.</li>
 * </ul>
 * {@link #get} also takes the path of a curriculum JSON file.
 */
public final class Curricula {

    /** Names of the shipped curricula. */
    public static final List<String> SHIPPED = List.of("scenes", "unicode", "unicode-stacked", "teal", "prompts",
            "illume", "setok");
    private static final String ROOT = "/dev/tessera/engine/curricula/";

    private Curricula() {
    }

    /**
     * Trains (or resumes) {@code run}, reporting every step to {@code listener} and stopping on
     * {@code stop} or an interrupt; the last stage's checkpoint becomes the model named
     * {@code last} ({@link UnifiedModels#LAST}). What {@code %tessera train <curriculum>} and
     * {@code ./tessera engine train-curriculum} call.
     */
    public static CurriculumResult train(CurriculumRun run, StageListener listener, TrainingStop stop,
                                         Map<String, Object> provenance) {
        return train(run, listener, stop, provenance, List.of());
    }

    /**
     * As {@link #train(CurriculumRun, StageListener, TrainingStop, Map)}, also keeping a snapshot
     * of the weights after each of {@code snapshots} steps ({@link CurriculumRunner#snapshotsAt}).
     */
    public static CurriculumResult train(CurriculumRun run, StageListener listener, TrainingStop stop,
                                         Map<String, Object> provenance, List<Integer> snapshots) {
        CurriculumResult r = new CurriculumRunner(run.curriculum(), run.folder()).listener(listener).stop(stop)
                .provenance(provenance).snapshotsAt(snapshots).run();
        if (r.lastCheckpoint() != null) {
            UnifiedModels.trained(r.lastCheckpoint());
        }
        return r;
    }

    /** The shipped curriculum {@code nameOrFile}, or the curriculum in that JSON file. */
    public static Curriculum get(String nameOrFile) {
        if (SHIPPED.contains(nameOrFile)) {
            try (InputStream in = Curricula.class.getResourceAsStream(ROOT + nameOrFile + ".json")) {
                if (in == null) {
                    throw new IllegalStateException("the shipped curriculum " + nameOrFile + " is missing; rebuild Tessera");
                }
                return Curriculum.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path file = Path.of(nameOrFile);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no curriculum '" + nameOrFile + "': name a shipped one " + SHIPPED
                    + " or a curriculum JSON file (write one with Curriculum.write, or copy a shipped one's JSON)");
        }
        return Curriculum.read(file);
    }
}
