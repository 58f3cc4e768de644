package dev.tessera.engine.corpus;

import dev.tessera.engine.train.LiveBoard;
import dev.tessera.engine.train.TrainingProgress;

import java.util.Map;

/**
 * What a notebook shows while a corpus is tokenized: the run, its latest progress, and at the
 * end its result. Redrawn in place, as the training boards are.
 *
 * @param run      what was asked for
 * @param progress the latest progress, or null before the first report
 * @param result   the result once the run ended, or null while it runs
 */
public record CorpusBoard(CorpusRun run, CorpusProgress progress, CorpusTokenizeResult result) implements LiveBoard {

    /** The progress as a training-progress record: files are the steps. */
    @Override
    public TrainingProgress latest() {
        if (progress == null) {
            return null;
        }
        int total = (int) Math.min(Integer.MAX_VALUE, progress.total() < 0 ? progress.done() + 1 : progress.total());
        return new TrainingProgress((int) Math.min(total, progress.done()), total, Double.NaN, Map.of(),
                progress.filesPerSecond(), progress.seconds(), 0, 0);
    }
}
