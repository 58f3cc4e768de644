package dev.tessera.render;

import java.util.Map;

/** CONTRACT STUB: being implemented. */
public final class Renderers {
    private Renderers() {
    }

    /** True when {@link #mimeBundle} can draw this result. */
    public static boolean supports(Object result) {
        return result != null && (result.getClass().getName().startsWith("dev.tessera."));
    }

    /** MIME type -> content ("image/png" base64, "text/html", "text/plain"), or null when unsupported. */
    public static Map<String, String> mimeBundle(Object result) {
        if (!supports(result)) {
            return null;
        }
        return Map.of("text/plain", String.valueOf(result));
    }
}
