package dev.tessera.engine.train;

import dev.tessera.engine.eval.ReconstructionReport;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a live tokenizer training shows at one moment: the latest progress, every step's losses
 * and codebook health so far (for its charts), and once the run has returned, the trained
 * tokenizer measured on held-out scenes.
 *
 * @param checkpoint   the folder the run writes
 * @param tokenizer    the preset trained (e.g. {@code vq-shapes64})
 * @param codebookSize codes per level, the scale of the perplexity
 * @param latest       the last progress report, or null before the first step
 * @param history      every step so far
 * @param finished     true once the run returned
 * @param interrupted  true when it ended early; its checkpoint holds every finished step
 * @param heldOut      the trained tokenizer on held-out scenes, once finished (else null)
 */
public record TokenizerBoard(Path checkpoint, String tokenizer, int codebookSize, TrainingProgress latest, List<Step> history,
                             boolean finished, boolean interrupted, ReconstructionReport heldOut) implements LiveBoard {

    /**
     * One step on the board ({@link TokenizerTrainer}'s parts): the losses, and the codebook's
     * health on the step's batch (NaN before quantization starts, e.g. SeTok's warm-up).
     *
     * @param reconstruction mean squared error in [-1, 1] pixel units
     * @param quantizer      the quantizer's own loss (commitment; 0 for FSQ)
     * @param codesUsed      share of the codes chosen at least once, in [0, 1]
     * @param perplexity     exp of the entropy of the code usage, in [1, codebook size]
     */
    public record Step(int step, double reconstruction, double quantizer, double codesUsed, double perplexity) {

        /** The step a tokenizer trainer's progress reports. */
        public static Step from(TrainingProgress p) {
            return new Step(p.step(), p.parts().getOrDefault(TokenizerTrainer.RECONSTRUCTION, Double.NaN),
                    p.parts().getOrDefault(TokenizerTrainer.QUANTIZER, Double.NaN),
                    p.parts().getOrDefault(TokenizerTrainer.CODES_USED, Double.NaN),
                    p.parts().getOrDefault(TokenizerTrainer.PERPLEXITY, Double.NaN));
        }

        /** The reconstruction as PSNR in dB: the [-1, 1] range spans 2, so {@code 10 log10(4 / mse)}. */
        public double psnr() {
            return 10 * Math.log10(4 / reconstruction);
        }
    }

    public TokenizerBoard {
        Objects.requireNonNull(tokenizer, "tokenizer");
        history = List.copyOf(history);
        if (codebookSize < 1) {
            throw new IllegalArgumentException("codebookSize must be >= 1, got " + codebookSize);
        }
    }
}
