package dev.tessera.render;

import dev.tessera.magic.HelpText;
import dev.tessera.magic.MagicError;

import java.util.Map;

/** Help text and magic errors as readable HTML paragraphs (never a stack trace). */
final class TextRenderers {

    private TextRenderers() {
    }

    static final class Help implements Renderer<HelpText> {
        @Override
        public Class<HelpText> type() {
            return HelpText.class;
        }

        @Override
        public Map<String, String> render(HelpText h) {
            return Map.of("text/html", "<pre class=\"tessera-help\">" + Html.escape(h.text()) + "</pre>",
                    "text/plain", h.text());
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
            return Map.of("text/html", html, "text/plain", "Tessera: " + e.message());
        }
    }
}
