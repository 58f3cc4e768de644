package dev.tessera.render;

import dev.tessera.engine.tokenize.ImageTokens;
import dev.tessera.engine.tokenize.TokenGrid;
import dev.tessera.engine.tokenize.TokenSet;
import dev.tessera.engine.tokenize.TokenizeResult;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tokenized image, for every token kind: a {@link TokenGridPicture} for grids (with the
 * refinement strip of residual grids) or a {@link ClusterPicture} for token sets, as PNG, and
 * HTML with that picture above a table of numbers.
 */
public final class TokenizeRenderer implements Renderer<TokenizeResult> {

    @Override
    public Class<TokenizeResult> type() {
        return TokenizeResult.class;
    }

    @Override
    public Map<String, String> render(TokenizeResult r) {
        String png = Png.base64(picture(r));
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/html", "<div class=\"tessera-tokenize\">" + Html.img(png, "tokens of " + r.source())
                + table(r) + "</div>");
        bundle.put("image/png", png);
        bundle.put("text/plain", summary(r));
        return bundle;
    }

    /** The picture for the result's kind of tokens. */
    static BufferedImage picture(TokenizeResult r) {
        return r.tokens() instanceof TokenSet ? ClusterPicture.draw(r) : TokenGridPicture.draw(r);
    }

    /** The numbers as an HTML table: tokens, levels, unique codes, bits, PSNR, SSIM. */
    static String table(TokenizeResult r) {
        ImageTokens t = r.tokens();
        return Html.keyValueTable("tessera-metrics", List.of(
                new String[] {"image", Html.escape(r.source())},
                new String[] {"tokenizer", Html.escape(r.tokenizer())},
                new String[] {"description", Html.escape(r.description())},
                new String[] {"tokens", tokens(t)},
                new String[] {"levels", Integer.toString(levels(t))},
                new String[] {"unique codes", unique(t) + " of " + t.codebookSize()},
                new String[] {t instanceof TokenSet ? "bits per image (codes and centres)" : "bits per image",
                        String.format("%.0f", t.bits())},
                new String[] {"PSNR", String.format("%.2f dB", r.psnr())},
                new String[] {"SSIM", String.format("%.3f", r.ssim())}))
                + (r.familiarity().outside() ? "<p class=\"tessera-warning\" style=\"color:#aa1e14;font-weight:bold\">"
                + Html.escape(r.familiarity().notice()) + "</p>" : "");
    }

    static String summary(TokenizeResult r) {
        ImageTokens t = r.tokens();
        String shape = t instanceof TokenGrid g
                ? g.rows() + "x" + g.cols() + (g.depth() > 1 ? "x" + g.depth() : "") + " tokens"
                : t.count() + " tokens";
        String line = String.format("%s -> %s (%d unique of %d codes), PSNR %.2f dB, SSIM %.3f [%s]", r.source(), shape,
                unique(t), t.codebookSize(), r.psnr(), r.ssim(), r.tokenizer());
        return r.familiarity().outside() ? line + "\n" + r.familiarity().notice() : line;
    }

    private static String tokens(ImageTokens t) {
        if (t instanceof TokenGrid g) {
            return g.size() + " (" + g.rows() + "&times;" + g.cols() + (g.depth() > 1 ? ", " + g.depth() + " codes each" : "") + ")";
        }
        TokenSet s = (TokenSet) t;
        int[] sizes = s.sizes();
        return s.count() + " clusters of " + s.side() + "&times;" + s.side() + " patches ("
                + Arrays.stream(sizes).min().orElse(0) + ".." + Arrays.stream(sizes).max().orElse(0) + " patches each)";
    }

    private static int levels(ImageTokens t) {
        return t instanceof TokenGrid g ? g.depth() : 1;
    }

    private static long unique(ImageTokens t) {
        return Arrays.stream(t.ids()).distinct().count();
    }
}
