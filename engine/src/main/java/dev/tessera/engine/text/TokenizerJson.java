package dev.tessera.engine.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tessera.engine.io.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reading HuggingFace {@code tokenizer.json} files of any model type: finding the file, parsing
 * it with errors that name the file, and the id-to-string vocabulary (which DJL's binding does
 * not expose).
 */
final class TokenizerJson {

    static final String FILE_NAME = "tokenizer.json";

    private TokenizerJson() {
    }

    /** {@code path} itself, or {@code path/tokenizer.json} if it is a folder; it must exist. */
    static Path locate(Path path) {
        Path file = Files.isDirectory(path) ? path.resolve(FILE_NAME) : path;
        if (!Files.isRegularFile(file)) {
            throw new TextTokenizerException("no tokenizer file at " + file.toAbsolutePath()
                    + "; pass the path of a HuggingFace tokenizer.json (or of the folder holding it), "
                    + "e.g. one written by ByteLevelBpe.save");
        }
        return file;
    }

    /** The parsed file; it must be a JSON object with a {@code "model"} object. */
    static JsonNode read(Path file) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw new TextTokenizerException(file + " is not JSON (" + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
                    + "); expected a HuggingFace tokenizer.json, e.g. one written by ByteLevelBpe.save", e);
        } catch (IOException e) {
            throw new TextTokenizerException("could not read " + file + ": " + e.getMessage()
                    + "; check the file's permissions", e);
        }
        if (root == null || !root.isObject() || !root.path("model").isObject()) {
            throw new TextTokenizerException(file + " is JSON but has no \"model\" object, so it is not a "
                    + "HuggingFace tokenizer.json; save the tokenizer with tokenizer.save(...) in Python "
                    + "(not save_pretrained's tokenizer_config.json) or with ByteLevelBpe.save");
        }
        return root;
    }

    /**
     * Vocabulary strings by id: {@code model.vocab} (a {@code {token: id}} object for BPE,
     * WordPiece and WordLevel; a list of {@code [piece, score]} for Unigram) plus {@code added_tokens}.
     * Ids must run {@code 0 .. n-1} without gaps.
     */
    static List<String> vocabulary(Path file, JsonNode root) {
        JsonNode vocab = root.path("model").path("vocab");
        List<String> byId = new ArrayList<>();
        if (vocab.isObject()) {
            for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) vocab::fields) {
                put(file, byId, e.getValue(), e.getKey());
            }
        } else if (vocab.isArray()) {
            for (int i = 0; i < vocab.size(); i++) {
                put(file, byId, vocab.path(i).path(0).isTextual() ? i : -1, vocab.path(i).path(0).asText(null));
            }
        } else {
            throw new TextTokenizerException(file + " has no model.vocab object or list; "
                    + "re-save it with HuggingFace tokenizers >= 0.10 (tokenizer.save(path))");
        }
        for (JsonNode added : root.path("added_tokens")) {
            put(file, byId, added.path("id"), added.path("content").asText(null));
        }
        int gap = byId.indexOf(null);
        if (gap >= 0) {
            throw new TextTokenizerException(file + " has no token with id " + gap + " (ids must run 0.."
                    + (byId.size() - 1) + " without gaps); fix model.vocab or added_tokens");
        }
        return byId;
    }

    private static void put(Path file, List<String> byId, JsonNode id, String token) {
        put(file, byId, id.canConvertToInt() && id.isIntegralNumber() ? id.intValue() : -1, token);
    }

    private static void put(Path file, List<String> byId, int id, String token) {
        if (id < 0 || token == null) {
            throw new TextTokenizerException(file + ": vocabulary entry '" + token + "' has no valid id (got " + id
                    + "); ids are whole numbers >= 0");
        }
        while (byId.size() <= id) {
            byId.add(null);
        }
        String before = byId.get(id);
        if (before != null && !before.equals(token)) {
            throw new TextTokenizerException(file + ": id " + id + " names two tokens, '" + before + "' and '"
                    + token + "'; each id must name one token");
        }
        byId.set(id, token);
    }

    /** The {@code "type"} of a component, or {@code "null"} if it is absent or null. */
    static String type(JsonNode component) {
        return component.isObject() ? component.path("type").asText("null") : "null";
    }
}
