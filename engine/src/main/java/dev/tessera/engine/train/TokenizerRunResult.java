package dev.tessera.engine.train;

import dev.tessera.engine.eval.ReconstructionReport;

import java.nio.file.Path;

/**
 * What {@link TokenizerTraining#train} returns: the run, its training (steps done, losses, codes
 * restarted, interrupted or not), the trained tokenizer measured on held-out scenes, and where
 * its checkpoint is ({@code TokenizerCheckpoint.load(checkpoint())} loads it).
 *
 * @param codebookSize codes per level of the trained tokenizer
 */
public record TokenizerRunResult(TokenizerRun run, TokenizerTrainingResult training, ReconstructionReport heldOut,
                                 int codebookSize) {

    public Path checkpoint() {
        return run.out();
    }
}
