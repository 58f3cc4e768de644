package dev.tessera.engine.text;

import dev.tessera.engine.io.AtomicFile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GPT-2 style byte-level BPE in plain Java: text is split by GPT-2's regex, each word becomes
 * its UTF-8 bytes (256 base symbols, so nothing is ever unknown), and learned merges join
 * adjacent symbols by rank. Trained here ({@link #train}) or read from any GPT-2 style
 * HuggingFace {@code tokenizer.json} ({@link #load}); {@link #save} writes such a file, which
 * HuggingFace's Rust tokenizer (and {@link HuggingFaceTextTokenizer}) encodes to the same ids.
 *
 * <p>Added tokens of a loaded file (GPT-2's {@code <|endoftext|>}) are vocabulary entries only:
 * they decode, but {@link #encode} never produces them, since the unified vocabulary brings its
 * own special tokens; {@link #save} therefore writes them as plain vocabulary.
 *
 * <p>Immutable and thread-safe; encodings of recent words are cached.
 */
public final class ByteLevelBpe implements TextTokenizer {

    /** Words cached per tokenizer; as in HuggingFace, words seen after it fills are not cached. */
    private static final int CACHE_CAPACITY = 10_000;
    /** Longer words (long white-space runs, pasted data) are not cached, so the cache stays small. */
    private static final int CACHE_MAX_WORD = 64;

    private final BpeModel model;
    private final Map<String, int[]> cache = new ConcurrentHashMap<>();

    private ByteLevelBpe(BpeModel model) {
        this.model = model;
    }

    /**
     * Learns a tokenizer from {@code corpus} (each element one text, e.g. a caption): merges the
     * most frequent pair until {@code config.vocabSize()} tokens or no pair occurs
     * {@code config.minFrequency()} times; ties go to the lexicographically smallest pair, so
     * the same corpus gives the same tokenizer, byte for byte.
     */
    public static ByteLevelBpe train(Iterable<String> corpus, BpeTrainingConfig config) {
        return new ByteLevelBpe(BpeTrainer.train(corpus, config));
    }

    /**
     * Reads a byte-level BPE {@code tokenizer.json} (this class's own, GPT-2's, RoBERTa's), or
     * the one in a folder.
     *
     * @throws TextTokenizerException if the file is missing, not JSON, not a BPE model, not
     *                                byte-level, or uses a setting this class does not reproduce
     */
    public static ByteLevelBpe load(Path path) {
        Path file = TokenizerJson.locate(path);
        return new ByteLevelBpe(BpeFile.read(file, TokenizerJson.read(file)));
    }

    /** Writes the tokenizer as a HuggingFace {@code tokenizer.json}, atomically; returns {@code file}. */
    public Path save(Path file) {
        AtomicFile.write(file, BpeFile.write(model));
        return file;
    }

    @Override
    public int[] encode(String text) {
        int[] out = new int[Math.max(8, text.length())];
        int n = 0;
        for (String word : ByteLevel.split(text)) {
            int[] ids = cache.get(word);
            if (ids == null) {
                ids = model.encodeWord(word.getBytes(StandardCharsets.UTF_8));
                if (word.length() <= CACHE_MAX_WORD && cache.size() < CACHE_CAPACITY) {
                    cache.put(word, ids);
                }
            }
            if (n + ids.length > out.length) {
                out = Arrays.copyOf(out, Math.max(2 * out.length, n + ids.length));
            }
            System.arraycopy(ids, 0, out, n, ids.length);
            n += ids.length;
        }
        return Arrays.copyOf(out, n);
    }

    /** The text of {@code ids}; byte sequences that are not valid UTF-8 become U+FFFD. */
    @Override
    public String decode(int[] ids) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(ids.length * 4);
        for (int id : ids) {
            ByteLevel.appendBytes(token(id), bytes);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public int vocabSize() {
        return model.size();
    }

    @Override
    public String token(int id) {
        if (id < 0 || id >= model.size()) {
            throw new IllegalArgumentException("token id " + id + " is outside 0.." + (model.size() - 1));
        }
        return model.tokens().get(id);
    }

    /** The merge rules by rank, lowest (first learned) first. */
    public List<BpeMerge> merges() {
        return model.merges();
    }

    @Override
    public String toString() {
        return "ByteLevelBpe[" + model.size() + " tokens, " + model.merges().size() + " merges]";
    }
}
