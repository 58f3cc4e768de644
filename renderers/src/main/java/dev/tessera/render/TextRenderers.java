package dev.tessera.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tessera.magic.HelpText;
import dev.tessera.magic.MagicError;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Help text and magic errors as readable HTML paragraphs (never a stack trace). */
final class TextRenderers {

    /**
     * MIME type that marks a displayed magic error, so a notebook runner can tell an intended
     * error message from a clean run; its content is {@code {"problem": ..., "usage": ...}}.
     */
    static final String ERROR_MIME = "application/vnd.tessera.error+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private TextRenderers() {
    }

    static final class Help implements Renderer<HelpText> {
        @Override
        public Class<HelpText> type() {
            return HelpText.class;
        }

        @Override
        public Map<String, String> render(HelpText h) {
            Map<String, String> bundle = new LinkedHashMap<>();
            bundle.put("text/html", "<pre class=\"tessera-help\">" + Html.escape(h.text()) + "</pre>");
            bundle.put("text/plain", h.text());
            return bundle;
        }
    }

    static final class Error implements Renderer<MagicError> {
        @Override
        public Class<MagicError> type() {
            return MagicError.class;
        }

        @Override
        public Map<String, String> render(MagicError e) {
            String html = "<div class=\"tessera-error\" style=\"border-left:4px solid #c0392b;padding:6px 10px;"
                    + "background:#fdf2f2\"><b>Tessera:</b> " + Html.escape(e.problem())
                    + (e.usage().isBlank() ? "" : "<pre>" + Html.escape(e.usage()) + "</pre>") + "</div>";
            Map<String, String> bundle = new LinkedHashMap<>();
            bundle.put("text/html", html);
            bundle.put(ERROR_MIME, marker(e));
            bundle.put("text/plain", "Tessera: " + e.message());
            return bundle;
        }

        static String marker(MagicError e) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("problem", e.problem());
            fields.put("usage", e.usage());
            try {
                return JSON.writeValueAsString(fields);
            } catch (JsonProcessingException x) {
                throw new UncheckedIOException(x);
            }
        }
    }
}
