package dev.tessera.render;

/** Small HTML helpers shared by the renderers. */
final class Html {

    private Html() {
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** An inline {@code <img>} of a base64 PNG. */
    static String img(String base64Png, String alt) {
        return "<img src=\"data:image/png;base64," + base64Png + "\" alt=\"" + escape(alt) + "\"/>";
    }
}
