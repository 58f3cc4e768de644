package dev.tessera.engine.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tessera.engine.io.Json;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link BpeModel} as a HuggingFace {@code tokenizer.json}: GPT-2's layout (ByteLevel
 * pre-tokenizer and decoder, BPE model, no normalizer, no special tokens), merges written as
 * {@code "left right"} strings, the form every tokenizers version reads. Reading accepts any
 * byte-level BPE file whose behaviour {@link ByteLevelBpe} reproduces exactly, and names the
 * setting when it does not.
 */
final class BpeFile {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String USE_HF = "; load it with HuggingFaceTextTokenizer, which runs any tokenizer.json";

    private BpeFile() {
    }

    /** The file's bytes: the same model always gives the same bytes. */
    static byte[] write(BpeModel model) {
        ObjectNode root = NODES.objectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        root.putArray("added_tokens");
        root.putNull("normalizer");
        root.set("pre_tokenizer", byteLevel(false));
        root.putNull("post_processor");
        root.set("decoder", byteLevel(true));
        ObjectNode bpe = root.putObject("model");
        bpe.put("type", "BPE");
        bpe.putNull("dropout");
        bpe.putNull("unk_token");
        bpe.putNull("continuing_subword_prefix");
        bpe.putNull("end_of_word_suffix");
        bpe.put("fuse_unk", false);
        bpe.put("byte_fallback", false);
        bpe.put("ignore_merges", false);
        ObjectNode vocab = bpe.putObject("vocab");
        List<String> tokens = model.tokens();
        for (int id = 0; id < tokens.size(); id++) {
            vocab.put(tokens.get(id), id);
        }
        ArrayNode merges = bpe.putArray("merges");
        model.merges().forEach(m -> merges.add(m.toString()));
        try {
            return Json.mapper().writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    /** GPT-2's settings; HuggingFace writes the decoder with add_prefix_space true, which decoding ignores. */
    private static ObjectNode byteLevel(boolean addPrefixSpace) {
        ObjectNode n = NODES.objectNode();
        n.put("type", "ByteLevel");
        n.put("add_prefix_space", addPrefixSpace);
        n.put("trim_offsets", true);
        n.put("use_regex", true);
        return n;
    }

    /** The model in {@code file}, already parsed by {@link TokenizerJson#read}. */
    static BpeModel read(Path file, JsonNode root) {
        JsonNode model = root.path("model");
        String type = model.path("type").asText(model.has("merges") ? "BPE" : "unknown");
        if (!type.equals("BPE")) {
            throw new TextTokenizerException(file + " holds a " + type + " model, not BPE; ByteLevelBpe reads only "
                    + "byte-level BPE files (GPT-2 style)" + USE_HF);
        }
        JsonNode pre = root.path("pre_tokenizer");
        if (!TokenizerJson.type(pre).equals("ByteLevel")) {
            throw new TextTokenizerException(file + " is a BPE model but not byte-level: its pre_tokenizer is "
                    + TokenizerJson.type(pre) + ", not ByteLevel" + USE_HF);
        }
        requireSetting(file, "pre_tokenizer.add_prefix_space", pre.path("add_prefix_space"), false);
        requireSetting(file, "pre_tokenizer.use_regex", pre.path("use_regex"), true);
        requireNull(file, "normalizer", root.path("normalizer"));
        requireNull(file, "model.continuing_subword_prefix", model.path("continuing_subword_prefix"));
        requireNull(file, "model.end_of_word_suffix", model.path("end_of_word_suffix"));
        if (model.path("dropout").isNumber() && model.path("dropout").doubleValue() > 0) {
            throw unsupported(file, "model.dropout", model.path("dropout"));
        }
        requireSetting(file, "model.ignore_merges", model.path("ignore_merges"), false);
        List<String> tokens = TokenizerJson.vocabulary(file, root);
        List<BpeMerge> merges = merges(file, model.path("merges"));
        try {
            return new BpeModel(tokens, merges);
        } catch (IllegalArgumentException e) {
            throw new TextTokenizerException(file + ": " + e.getMessage() + USE_HF, e);
        }
    }

    /** Merges as {@code "left right"} strings (classic) or {@code ["left", "right"]} pairs (tokenizers >= 0.20). */
    private static List<BpeMerge> merges(Path file, JsonNode node) {
        if (!node.isArray()) {
            throw new TextTokenizerException(file + " has no model.merges list; a BPE tokenizer.json lists its "
                    + "merges as \"left right\" strings, e.g. \"Ġ t\"");
        }
        List<BpeMerge> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode m = node.get(i);
            String left = null;
            String right = null;
            if (m.isTextual()) {
                String[] parts = m.asText().split(" ", -1);
                if (parts.length == 2) {
                    left = parts[0];
                    right = parts[1];
                }
            } else if (m.isArray() && m.size() == 2 && m.get(0).isTextual() && m.get(1).isTextual()) {
                left = m.get(0).asText();
                right = m.get(1).asText();
            }
            if (left == null || left.isEmpty() || right == null || right.isEmpty()) {
                throw new TextTokenizerException(file + ": merge #" + i + " is " + m + "; each merge must be "
                        + "\"left right\" (two tokens and one space) or [\"left\", \"right\"]");
            }
            out.add(new BpeMerge(left, right));
        }
        return out;
    }

    private static void requireSetting(Path file, String name, JsonNode value, boolean expected) {
        if (!value.isMissingNode() && !value.isNull() && value.asBoolean() != expected) {
            throw unsupported(file, name, value);
        }
    }

    private static void requireNull(Path file, String name, JsonNode value) {
        if (!value.isMissingNode() && !value.isNull()) {
            throw unsupported(file, name, value);
        }
    }

    private static TextTokenizerException unsupported(Path file, String name, JsonNode value) {
        String shown = value.toString();
        return new TextTokenizerException(file + " sets " + name + " = "
                + (shown.length() > 80 ? shown.substring(0, 80) + "..." : shown)
                + ", which ByteLevelBpe does not implement (it reproduces GPT-2's byte-level BPE only)" + USE_HF);
    }
}
