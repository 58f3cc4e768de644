package dev.tessera.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small HTML helpers shared by the renderers. */
final class Html {

    private static final String CELL = " style=\"text-align:left;padding:2px 8px\"";

    private Html() {
    }

    /** A MIME bundle of {@code html} and its text/plain fallback on one line. */
    static Map<String, String> bundle(String html, String plain) {
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/html", html);
        bundle.put("text/plain", plain.replace('\n', ' '));
        return bundle;
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

    /**
     * An inline {@code <img>} of a picture enlarged with square pixels: {@code image-rendering:pixelated}
     * keeps them square should the notebook scale it again (high-DPI screens), and {@code style} adds to it.
     */
    static String crispImg(String base64Png, String alt, String style) {
        return "<img src=\"data:image/png;base64," + base64Png + "\" alt=\"" + escape(alt)
                + "\" style=\"image-rendering:pixelated;" + style + "\"/>";
    }

    /** A horizontal bar {@code width x height} px filled to {@code fraction} (clamped to [0, 1]) in {@code colour}. */
    static String bar(double fraction, String colour, int width, int height) {
        double f = Double.isFinite(fraction) ? Math.max(0, Math.min(1, fraction)) : 0;
        return "<span style=\"display:inline-block;vertical-align:middle;width:" + width + "px;height:" + height
                + "px;background:#e8e8e8;border-radius:" + height / 2 + "px;overflow:hidden\"><span style=\"display:block;"
                + "height:100%;width:" + Format.of("%.1f", 100 * f) + "%;background:" + colour + "\"></span></span>";
    }

    /** A share as a small bar in {@code colour} and its percentage with one decimal, for table cells. */
    static String percentCell(double fraction, String colour) {
        return bar(fraction, colour, 80, 8) + "&nbsp;" + Format.percent(fraction);
    }

    /** A two-column table of name / value rows; values are HTML (escape text before passing it). */
    static String keyValueTable(String cssClass, List<String[]> rows) {
        StringBuilder sb = new StringBuilder("<table class=\"" + cssClass + "\">");
        for (String[] row : rows) {
            sb.append("<tr><th").append(CELL).append('>').append(row[0]).append("</th><td").append(CELL).append('>')
                    .append(row[1]).append("</td></tr>");
        }
        return sb.append("</table>").toString();
    }

    /** A table with a header row; cells are HTML (escape text before passing it). */
    static String table(String cssClass, List<String> header, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder("<table class=\"" + cssClass + "\"><thead><tr>");
        for (String h : header) {
            sb.append("<th").append(CELL).append('>').append(h).append("</th>");
        }
        sb.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            sb.append("<tr>");
            for (String cell : row) {
                sb.append("<td").append(CELL).append('>').append(cell).append("</td>");
            }
            sb.append("</tr>");
        }
        return sb.append("</tbody></table>").toString();
    }
}
