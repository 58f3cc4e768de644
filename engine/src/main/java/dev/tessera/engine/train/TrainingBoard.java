package dev.tessera.engine.train;

import java.nio.file.Path;
import java.util.List;

/**
 * What a live training output shows at one moment: the latest progress (step, rate, ETA),
 * every step's losses so far (for the loss chart), the stages of a curriculum (for its
 * boundaries), and whether the run has ended. Steps and losses of a curriculum count across its
 * stages, so one chart shows the whole run.
 *
 * @param checkpoint  the folder the run writes
 * @param latest      the last progress report, or null before the first step
 * @param history     losses of every step so far
 * @param stages      the curriculum's stages with the step each starts after; empty for a single run
 * @param finished    true once the run returned
 * @param interrupted true when it ended early (stop or interrupt); its checkpoint holds every finished step
 * @param guard       the readings of a curriculum's text guard so far (held-out text perplexity at stage boundaries)
 * @param vocabularySize the ids the model's output chooses among ({@link ProgressListener#onVocabulary}), whose
 *                    uniform guess the loss chart draws as a reference; 0 when not known
 */
public record TrainingBoard(Path checkpoint, TrainingProgress latest, List<StepLoss> history, List<StageMark> stages,
                            boolean finished, boolean interrupted, List<GuardReading> guard, int vocabularySize)
        implements LiveBoard {

    /**
     * A stage on the board: its name, the steps before it, and its own step count.
     *
     * @param name   the stage's name
     * @param offset steps of the stages before it
     * @param steps  its steps
     */
    public record StageMark(String name, int offset, int steps) {
    }

    public TrainingBoard {
        history = List.copyOf(history);
        stages = stages == null ? List.of() : List.copyOf(stages);
        guard = guard == null ? List.of() : List.copyOf(guard);
        if (vocabularySize < 0) {
            throw new IllegalArgumentException("vocabularySize must be >= 0 (0 = not known), got " + vocabularySize);
        }
    }

    /** A board whose vocabulary is not known (no reference line). */
    public TrainingBoard(Path checkpoint, TrainingProgress latest, List<StepLoss> history, List<StageMark> stages,
                         boolean finished, boolean interrupted, List<GuardReading> guard) {
        this(checkpoint, latest, history, stages, finished, interrupted, guard, 0);
    }

    /** The board of a curriculum without a text guard. */
    public TrainingBoard(Path checkpoint, TrainingProgress latest, List<StepLoss> history, List<StageMark> stages,
                         boolean finished, boolean interrupted) {
        this(checkpoint, latest, history, stages, finished, interrupted, List.of(), 0);
    }

    /** The board of a single run (no stages). */
    public TrainingBoard(Path checkpoint, TrainingProgress latest, List<StepLoss> history, boolean finished,
                         boolean interrupted) {
        this(checkpoint, latest, history, List.of(), finished, interrupted, List.of(), 0);
    }

    /** This board with the model's vocabulary size (0 = not known). */
    public TrainingBoard withVocabularySize(int size) {
        return new TrainingBoard(checkpoint, latest, history, stages, finished, interrupted, guard, size);
    }

    /** The NLL of a guess spread evenly over the vocabulary, ln(size) nats; NaN when the size is not known. */
    public double uniformGuess() {
        return vocabularySize == 0 ? Double.NaN : Math.log(vocabularySize);
    }

    /** The stage running at (or last run by) overall step {@code step}, or null without stages. */
    public StageMark stageAt(int step) {
        StageMark at = null;
        for (StageMark s : stages) {
            if (step > s.offset() || at == null) {
                at = s;
            }
        }
        return at;
    }
}
