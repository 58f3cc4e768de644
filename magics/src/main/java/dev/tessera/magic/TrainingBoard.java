package dev.tessera.magic;

import dev.tessera.engine.train.TrainingProgress;
import dev.tessera.engine.unified.StepLoss;

import java.nio.file.Path;
import java.util.List;

/**
 * What a live training output shows at one moment: the latest progress (step, rate, ETA),
 * every step's losses so far (for the loss chart), and whether the run has ended.
 *
 * @param checkpoint the folder the run writes
 * @param latest     the last progress report, or null before the first step
 * @param history    losses of every step so far
 * @param finished   true once the run returned
 * @param interrupted true when it ended early (stop or interrupt); its checkpoint holds every finished step
 */
public record TrainingBoard(Path checkpoint, TrainingProgress latest, List<StepLoss> history, boolean finished,
                            boolean interrupted) {

    public TrainingBoard {
        history = List.copyOf(history);
    }
}
