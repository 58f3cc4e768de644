package dev.tessera.magic;

import dev.tessera.engine.train.TokenizerBoard;
import dev.tessera.engine.train.TokenizerRun;
import dev.tessera.engine.train.TokenizerRunResult;
import dev.tessera.engine.train.TokenizerTraining;
import dev.tessera.engine.train.TrainingProgress;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code %tessera train tokenizer [key=value ...]}: one call of {@link TokenizerTraining#train},
 * with a live board (progress, the reconstruction and quantizer losses, and the codebook's health
 * step by step) redrawn in place, and at the end the trained tokenizer on held-out scenes. As for
 * {@code train unified}, the interrupt button stops it at the next step and its checkpoint then
 * holds every finished step.
 */
public record TrainTokenizerRequest(TokenizerRun run) implements Magic {

    @Override
    public Object execute() {
        return execute(LiveDisplay.none());
    }

    @Override
    public Object execute(LiveDisplay display) {
        List<TokenizerBoard.Step> history = new ArrayList<>();
        TrainingProgress[] latest = {null};
        String name = run.preset().id();
        int codes = run.preset().codebookSize();
        String command = "%tessera train tokenizer recipe=" + name + " steps=" + run.training().steps() + " batch="
                + run.training().batchSize() + " seed=" + run.training().seed() + " out=" + run.out();
        return LiveTraining.run(display, new TokenizerBoard(run.out(), name, codes, null, history, false, false, null),
                "tessera-train-tokenizer",
                (boards, stop) -> TokenizerTraining.train(run, p -> {
                    latest[0] = p;
                    history.add(TokenizerBoard.Step.from(p));
                    boards.accept(new TokenizerBoard(run.out(), name, codes, p, history, false, false, null));
                }, stop, command),
                (TokenizerRunResult r) -> new TokenizerBoard(run.out(), name, codes, latest[0], history, true,
                        r.training().interrupted(), r.heldOut()));
    }

    @Override
    public String usage() {
        return TrainForm.TOKENIZER.usage();
    }
}
