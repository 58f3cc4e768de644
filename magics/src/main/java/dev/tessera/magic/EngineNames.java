package dev.tessera.magic;

import dev.tessera.engine.curriculum.Curricula;
import dev.tessera.engine.data.EvaluationSet;
import dev.tessera.engine.tokenize.TokenizerCheckpoint;

import java.util.Arrays;
import java.util.Iterator;

/**
 * The engine's own lists of names, as picocli {@code completionCandidates}: a description
 * lists them with {@code ${COMPLETION-CANDIDATES}}, so no usage re-types a shipped tokenizer,
 * curriculum or data source, and a new one shows up in every usage that names them.
 */
final class EngineNames {

    private EngineNames() {
    }

    /** The shipped tokenizers. */
    static final class OfTokenizers implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return TokenizerCheckpoint.SHIPPED.iterator();
        }
    }

    /** The shipped curricula. */
    static final class OfCurricula implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Curricula.SHIPPED.iterator();
        }
    }

    /** The data an evaluation measures on. */
    static final class OfData implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(EvaluationSet.Source.values()).map(EvaluationSet.Source::id).iterator();
        }
    }
}
