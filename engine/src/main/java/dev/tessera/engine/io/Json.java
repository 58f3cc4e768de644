package dev.tessera.engine.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The one JSON mapper of the project: pretty output; unknown fields, a field given twice and
 * anything after the value rejected, so a checkpoint config with a misspelt, foreign or
 * ambiguous field is refused instead of half read. It has no default
 * typing: the only polymorphic type, {@code QuantizerConfig}, picks its subtype by a fixed
 * {@code "kind"} name from a closed list, never by a class name, so reading JSON never
 * instantiates a class the file chooses.
 */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** What is wrong with a file {@code e} failed to read, in one line (Jackson's own message has the source on a second). */
    public static String problem(Exception e) {
        return e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    }
}
