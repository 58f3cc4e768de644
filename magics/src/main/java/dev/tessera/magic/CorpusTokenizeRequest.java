package dev.tessera.magic;

import dev.tessera.engine.corpus.CorpusBoard;
import dev.tessera.engine.corpus.CorpusJob;
import dev.tessera.engine.corpus.CorpusProgress;
import dev.tessera.engine.corpus.CorpusRun;
import dev.tessera.engine.corpus.CorpusTokenizeResult;

/**
 * {@code %tessera corpus tokenize INPUT... [--out DIR] [--tokenizer NAME] [--master M] [--resume]
 * [--no-psnr]}: one call of {@link CorpusJob#tokenize}, which runs the Spark job in a child JVM,
 * with a live board of its progress and, at the end, the shards' summary. The interrupt button
 * stops the child; its finished chunks stay, and {@code --resume} continues from them.
 */
public record CorpusTokenizeRequest(CorpusRun run) implements Magic {

    @Override
    public Object execute() {
        return execute(LiveDisplay.none());
    }

    @Override
    public Object execute(LiveDisplay display) {
        CorpusJob.home();  // no Spark build: say so before showing a board
        return LiveTraining.run(display, new CorpusBoard(run, null, null), "tessera-corpus-tokenize",
                (boards, stop) -> CorpusJob.tokenize(run, (CorpusProgress p) -> boards.accept(new CorpusBoard(run, p, null)), stop),
                (CorpusTokenizeResult r) -> new CorpusBoard(run, null, r));
    }

    @Override
    public String usage() {
        return MagicParser.usageFor("corpus");
    }
}
