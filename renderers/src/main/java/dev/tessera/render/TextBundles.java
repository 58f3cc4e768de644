package dev.tessera.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Help text and error messages as MIME bundles: readable HTML paragraphs, never a stack trace.
 * It takes plain strings, not the magics' records, so the renderers depend on the engine alone;
 * the kernel extension passes it the fields of a help page or a magic error.
 */
public final class TextBundles {

    /**
     * MIME type that marks a displayed error, so a notebook runner can tell an intended error
     * message from a clean run; its content is {@code {"problem": ..., "usage": ...}}.
     */
    public static final String ERROR_MIME = "application/vnd.tessera.error+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private TextBundles() {
    }

    /** {@code text} preformatted, as it was written. */
    public static Map<String, String> help(String text) {
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/html", "<pre class=\"tessera-help\">" + Html.escape(text) + "</pre>");
        bundle.put("text/plain", text);
        return bundle;
    }

    /**
     * What went wrong ({@code problem}) and how to write it instead ({@code usage}, may be blank)
     * as a marked paragraph, with the {@link #ERROR_MIME} marker.
     */
    public static Map<String, String> error(String problem, String usage) {
        String html = "<div class=\"tessera-error\" style=\"border-left:4px solid #c0392b;padding:6px 10px;"
                + "background:#fdf2f2\"><b>Tessera:</b> " + Html.escape(problem)
                + (usage.isBlank() ? "" : "<pre>" + Html.escape(usage) + "</pre>") + "</div>";
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/html", html);
        bundle.put(ERROR_MIME, marker(problem, usage));
        bundle.put("text/plain", "Tessera: " + problem + (usage.isBlank() ? "" : "\n\n" + usage));
        return bundle;
    }

    private static String marker(String problem, String usage) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("problem", problem);
        fields.put("usage", usage);
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException x) {
            throw new UncheckedIOException(x);
        }
    }
}
