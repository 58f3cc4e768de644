package dev.tessera.engine.text;

import ai.djl.engine.EngineException;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.tessera.engine.runtime.TesseraRuntime;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Any HuggingFace {@code tokenizer.json} (BPE, WordPiece, Unigram, with its normalizer and
 * pre-tokenizer) run by HuggingFace's own Rust library through DJL's binding. It lets the
 * unified model use a published tokenizer as its text half, and it is the reference that
 * {@link ByteLevelBpe}'s files are checked against.
 *
 * <p>Configured for the shared vocabulary: no special tokens added, no truncation, no padding
 * (DJL's defaults would truncate to 512 tokens and pad). Only local files are read: the offline
 * switches are set before the binding starts, so nothing is downloaded and no metadata service is
 * asked. The native library ships inside the DJL jar and is unpacked once to {@code ~/.djl.ai}.
 *
 * <p>Holds native memory: close it when done.
 */
public final class HuggingFaceTextTokenizer implements TextTokenizer, AutoCloseable {

    /** The HuggingFace tokenizers (Rust) release inside DJL 0.35.1's binding. */
    static final String RUST_VERSION = "0.21";

    private final Path file;
    private final HuggingFaceTokenizer tokenizer;
    private final List<String> vocabulary;

    private HuggingFaceTextTokenizer(Path file, HuggingFaceTokenizer tokenizer, List<String> vocabulary) {
        this.file = file;
        this.tokenizer = tokenizer;
        this.vocabulary = vocabulary;
    }

    /**
     * Loads the {@code tokenizer.json} at {@code path}, or the one in folder {@code path}.
     *
     * @throws TextTokenizerException if the file is missing, not JSON, or rejected by the library
     */
    public static HuggingFaceTextTokenizer load(Path path) {
        Path file = TokenizerJson.locate(path);
        List<String> vocabulary = TokenizerJson.vocabulary(file, TokenizerJson.read(file));
        TesseraRuntime.forceOffline();
        try {
            HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.builder()
                    .optTokenizerPath(file)
                    .optAddSpecialTokens(false)
                    .optTruncation(false)
                    .optPadding(false)
                    .build();
            return new HuggingFaceTextTokenizer(file, tokenizer, vocabulary);
        } catch (EngineException | LinkageError e) {
            throw new TextTokenizerException("HuggingFace tokenizers' native library did not start (" + e
                    + ") while loading " + file + "; it is unpacked from the DJL jar to ~/.djl.ai/tokenizers "
                    + "(or $ENGINE_CACHE_DIR/tokenizers): check that the folder is writable", e);
        } catch (IOException | RuntimeException e) {
            throw new TextTokenizerException("HuggingFace tokenizers could not load " + file + ": " + e.getMessage()
                    + "; DJL bundles tokenizers " + RUST_VERSION + ", so re-save the file with that version or "
                    + "older (tokenizer.save(path) in Python), or write it with ByteLevelBpe.save", e);
        }
    }

    @Override
    public int[] encode(String text) {
        long[] ids;
        try {
            ids = tokenizer.encode(text, false, false).getIds();
        } catch (RuntimeException e) {
            throw failure("encode", e);
        }
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = Math.toIntExact(ids[i]);
        }
        return out;
    }

    /** The text of {@code ids}, special tokens included, as the file's decoder writes it. */
    @Override
    public String decode(int[] ids) {
        long[] wide = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            token(ids[i]); // the library silently skips unknown ids; reject them as ByteLevelBpe does
            wide[i] = ids[i];
        }
        try {
            return tokenizer.decode(wide, false);
        } catch (RuntimeException e) {
            throw failure("decode", e);
        }
    }

    /** Vocabulary size read from the file (model vocabulary plus added tokens); DJL does not expose it. */
    @Override
    public int vocabSize() {
        return vocabulary.size();
    }

    @Override
    public String token(int id) {
        if (id < 0 || id >= vocabulary.size()) {
            throw new IllegalArgumentException("token id " + id + " is outside 0.." + (vocabulary.size() - 1)
                    + " of " + file);
        }
        return vocabulary.get(id);
    }

    /** The file this tokenizer was loaded from. */
    public Path file() {
        return file;
    }

    /** Frees the native tokenizer; later calls fail. */
    @Override
    public void close() {
        tokenizer.close();
    }

    private TextTokenizerException failure(String what, RuntimeException e) {
        return new TextTokenizerException("HuggingFace tokenizers could not " + what + " with " + file + ": " + e
                + (e instanceof IllegalStateException ? "; the tokenizer was closed, load it again" : ""), e);
    }

    @Override
    public String toString() {
        return "HuggingFaceTextTokenizer[" + file + ", " + vocabulary.size() + " tokens]";
    }
}
