package dev.tessera.render;

import dev.tessera.engine.tokenize.TokenGrid;
import dev.tessera.engine.tokenize.TokenizeResult;

import java.util.LinkedHashMap;
import java.util.Map;

/** A tokenized image: the {@link TokenGridPicture} as PNG, and HTML with the picture above a table of numbers. */
public final class TokenizeRenderer implements Renderer<TokenizeResult> {

    @Override
    public Class<TokenizeResult> type() {
        return TokenizeResult.class;
    }

    @Override
    public Map<String, String> render(TokenizeResult r) {
        String png = Png.base64(TokenGridPicture.draw(r));
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/html", "<div class=\"tessera-tokenize\">" + Html.img(png, "token grid of " + r.source())
                + table(r) + "</div>");
        bundle.put("image/png", png);
        bundle.put("text/plain", summary(r));
        return bundle;
    }

    /** The numbers as an HTML table: tokens, unique codes, bits, PSNR. */
    static String table(TokenizeResult r) {
        TokenGrid t = r.tokens();
        String[][] rows = {
            {"image", Html.escape(r.source())},
            {"tokenizer", Html.escape(r.tokenizer())},
            {"tokens", t.size() + " (" + t.rows() + "&times;" + t.cols() + ")"},
            {"unique codes", t.uniqueCodes() + " of " + t.codebookSize()},
            {"bits per image", String.format("%.0f", t.bits())},
            {"PSNR", String.format("%.2f dB", r.psnr())},
        };
        StringBuilder sb = new StringBuilder("<table class=\"tessera-metrics\">");
        for (String[] row : rows) {
            sb.append("<tr><th style=\"text-align:left\">").append(row[0]).append("</th><td style=\"text-align:left\">")
                    .append(row[1]).append("</td></tr>");
        }
        return sb.append("</table>").toString();
    }

    static String summary(TokenizeResult r) {
        TokenGrid t = r.tokens();
        return String.format("%s -> %dx%d tokens (%d unique of %d codes), PSNR %.2f dB [%s]", r.source(), t.rows(), t.cols(),
                t.uniqueCodes(), t.codebookSize(), r.psnr(), r.tokenizer());
    }
}
