package dev.tessera.render;

import dev.tessera.engine.eval.Comparison;
import dev.tessera.engine.eval.ReconstructionReport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tokenizers compared on the same images: a table with one row per tokenizer (positions and ids per image, bits,
 * quality, codebook use, and how token counts follow object counts), above the
 * {@link ComparisonPicture} of one sample and every reconstruction of it.
 */
public final class ComparisonRenderer implements Renderer<Comparison> {

    /** Shown for a number that is not known (NaN). */
    static final String UNKNOWN = Format.UNKNOWN;

    // a position is one grid cell (or one cluster); a residual stack writes several ids there
    static final List<String> HEADER = List.of("tokenizer", "description", "positions / image", "ids / image", "bits / image", "PSNR",
            "SSIM", "utilization", "perplexity (level 1)", "tokens vs objects r");

    @Override
    public Class<Comparison> type() {
        return Comparison.class;
    }

    @Override
    public Map<String, String> render(Comparison c) {
        String png = Png.base64(ComparisonPicture.draw(c));
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/html", "<div class=\"tessera-comparison\"><p><b>" + Html.escape(c.data()) + "</b>, "
                + c.images() + " images</p>" + table(c) + Html.img(png, "sample reconstructions") + "</div>");
        bundle.put("image/png", png);
        bundle.put("text/plain", summary(c));
        return bundle;
    }

    static String table(Comparison c) {
        List<List<String>> rows = new ArrayList<>();
        for (Comparison.Row row : c.rows()) {
            ReconstructionReport r = row.report();
            rows.add(List.of(
                    "<b>" + Html.escape(row.tokenizer()) + "</b>",
                    Html.escape(row.description()),
                    tokens(r, 1),
                    tokens(r, r.levels()),
                    String.format("%.0f", r.meanBits()),
                    String.format("%.2f dB", r.meanPsnr()),
                    String.format("%.3f", r.meanSsim()),
                    String.format("%.1f%%", 100 * r.utilization()),
                    String.format("%.1f", r.perplexity(0)),
                    Double.isNaN(row.tokensObjectsCorrelation()) ? UNKNOWN
                            : String.format("%.2f", row.tokensObjectsCorrelation())));
        }
        return Html.table("tessera-comparison", HEADER, rows);
    }

    /** Mean positions per image times {@code perPosition} ids, with the range when it varies. */
    private static String tokens(ReconstructionReport r, int perPosition) {
        return r.minTokens() == r.maxTokens() ? Integer.toString(r.minTokens() * perPosition)
                : String.format("%.1f (%d..%d)", r.meanTokens() * perPosition, r.minTokens() * perPosition,
                r.maxTokens() * perPosition);
    }

    static String summary(Comparison c) {
        StringBuilder sb = new StringBuilder(String.format("%d tokenizers on %s (%d images):", c.rows().size(), c.data(),
                c.images()));
        for (Comparison.Row row : c.rows()) {
            sb.append(String.format(" %s %.2f dB,", row.tokenizer(), row.report().meanPsnr()));
        }
        sb.setLength(sb.length() - 1);
        return sb.toString();
    }
}
