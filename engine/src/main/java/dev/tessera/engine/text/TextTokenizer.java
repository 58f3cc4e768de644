package dev.tessera.engine.text;

/**
 * Text to token ids and back: the text half of the unified model's shared vocabulary
 * (one id space for text, image codes and control tokens). The unified vocabulary places these ids next to the
 * image codes and its own special tokens ({@code <boi>}, {@code <eos>}, ...), so a text
 * tokenizer adds no special tokens of its own: {@link #encode} returns the ids of the text only.
 *
 * <p>Ids run {@code 0 .. vocabSize()-1}; every id has a vocabulary string ({@link #token}).
 * Implementations are lossless on any text they can represent: {@code decode(encode(s))}
 * equals {@code s}.
 */
public interface TextTokenizer {

    /** The ids of {@code text}, with no special tokens added. */
    int[] encode(String text);

    /**
     * The text of {@code ids}, special tokens included.
     *
     * @throws IllegalArgumentException if an id is outside {@code 0 .. vocabSize()-1}
     */
    String decode(int[] ids);

    /** How many ids there are; every id is in {@code 0 .. vocabSize()-1}. */
    int vocabSize();

    /**
     * The vocabulary string of {@code id} as the tokenizer stores it (for byte-level BPE the
     * byte symbols, e.g. {@code "Ġred"} for " red").
     *
     * @throws IllegalArgumentException if {@code id} is outside {@code 0 .. vocabSize()-1}
     */
    String token(int id);
}
