package dev.tessera.render;

import java.util.List;

/** Small HTML helpers shared by the renderers. */
final class Html {

    private static final String CELL = " style=\"text-align:left;padding:2px 8px\"";

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
