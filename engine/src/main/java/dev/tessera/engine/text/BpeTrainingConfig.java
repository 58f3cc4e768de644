package dev.tessera.engine.text;

/**
 * How {@link ByteLevelBpe#train} learns merges.
 *
 * @param vocabSize    vocabulary size to reach: the 256 byte symbols plus one token per merge;
 *                     256..65536 (65536 keeps ids within an unsigned 16-bit value)
 * @param minFrequency a pair is merged only if it occurs at least this often in the corpus, so
 *                     rare words stay split instead of taking ids of their own; at least 1
 */
public record BpeTrainingConfig(int vocabSize, int minFrequency) {

    public BpeTrainingConfig {
        if (vocabSize < 256 || vocabSize > 65536) {
            throw new IllegalArgumentException("vocabSize must be in 256..65536 (256 byte symbols plus merges), got "
                    + vocabSize);
        }
        if (minFrequency < 1) {
            throw new IllegalArgumentException("minFrequency must be >= 1, got " + minFrequency);
        }
    }

    /**
     * 512 tokens, pairs seen at least twice: scene captions and questions have a few dozen
     * distinct words, so each gets one token and the text side of the unified vocabulary stays small.
     */
    public static BpeTrainingConfig captions() {
        return new BpeTrainingConfig(512, 2);
    }

    /** 300 tokens (44 merges), any pair: trains in milliseconds, for tests. */
    public static BpeTrainingConfig tiny() {
        return new BpeTrainingConfig(300, 1);
    }

    public BpeTrainingConfig withVocabSize(int v) {
        return new BpeTrainingConfig(v, minFrequency);
    }

    public BpeTrainingConfig withMinFrequency(int f) {
        return new BpeTrainingConfig(vocabSize, f);
    }
}
