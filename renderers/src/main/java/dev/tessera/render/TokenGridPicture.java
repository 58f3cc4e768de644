package dev.tessera.render;

import dev.tessera.engine.eval.ImageMetrics;
import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.tokenize.TokenGrid;
import dev.tessera.engine.tokenize.TokenizeResult;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The picture of a grid tokenization: the input image, its (first-level) token ids as a grid
 * coloured per code with the id written in each cell when it fits, and the reconstruction,
 * side by side. Under the grid a {@linkplain #legend legend} says that a colour only stands for
 * an id (the same id, the same colour; the colours mean nothing in themselves) and names the
 * most used ids with their counts, so a reader can tell the background's ids from an object's. A residual grid (depth &gt; 1) adds a progressive-refinement strip below: the
 * image decoded from levels 1..l for each l, with its PSNR against the input, and under it each
 * one's error map: the absolute difference from the input, amplified {@link #ERROR_GAIN} times
 * (black where the decode is exact). The later levels' corrections are too small to see in the
 * decodes themselves; in the error maps they show as the error fading level after level.
 */
public final class TokenGridPicture {

    /** Side of each of the three top panels, in pixels. */
    public static final int PANEL = 384;
    private static final int GAP = Draw.GAP;
    private static final int TOP = GAP + Draw.TITLE;
    /** Height of the legend under an id grid: two lines. */
    static final int LEGEND = 2 * Draw.LINE + 4;
    /** The legend's first line. */
    static final String LEGEND_NOTE = "each colour is one id; the colours mean nothing";
    /** How much the error maps amplify the difference from the input (clipped at white). */
    static final float ERROR_GAIN = 8f;

    private TokenGridPicture() {
    }

    /** Width of every tokenize picture (grid or cluster): three panels. */
    public static int width() {
        return Draw.rowWidth(3, PANEL);
    }

    /** Height of the three-panel row alone, with room for the legend under its middle panel (single-level grids and token sets). */
    public static int height() {
        return TOP + PANEL + LEGEND + GAP;
    }

    /** Height of the picture of {@code r}: the three panels, plus the refinement strip and its error maps if it has one. */
    public static int height(TokenizeResult r) {
        int n = strip(r).size();
        return (n == 0 ? height() : height() + 2 * (Draw.TITLE + stripPanel(n) + GAP))
                + (r.familiarity().outside() ? Draw.NOTICE : 0);
    }

    /** The picture of a result whose tokens are a {@link TokenGrid}. */
    public static BufferedImage draw(TokenizeResult r) {
        if (!(r.tokens() instanceof TokenGrid t)) {
            throw new IllegalArgumentException("a token grid picture needs a TokenGrid, got " + r.tokens());
        }
        BufferedImage out = new BufferedImage(width(), height(r), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Draw.begin(out);
        try {
            String tokens = t.depth() == 1
                    ? "tokens " + t.rows() + "x" + t.cols() + " from " + t.codebookSize() + " codes"
                    : "level 1 of " + t.depth() + ": tokens " + t.rows() + "x" + t.cols() + ", K=" + t.codebookSize();
            Draw.title(g, "input " + r.input().width() + "x" + r.input().height(), GAP, TOP, PANEL);
            Draw.image(g, r.input(), GAP, TOP, PANEL, PANEL);
            Draw.title(g, tokens, 2 * GAP + PANEL, TOP, PANEL);
            grid(g, t.depth() == 1 ? t : t.level(0), 2 * GAP + PANEL, TOP, PANEL);
            legend(g, t.depth() == 1 ? t : t.level(0), 2 * GAP + PANEL, TOP + PANEL, PANEL, t.depth() == 1 ? "" : " in level 1");
            Draw.title(g, String.format("reconstruction: PSNR %.1f dB, SSIM %.3f", r.psnr(), r.ssim()),
                    3 * GAP + 2 * PANEL, TOP, PANEL);
            Draw.image(g, r.reconstruction(), 3 * GAP + 2 * PANEL, TOP, PANEL, PANEL);
            List<RgbImage> strip = strip(r);
            if (!strip.isEmpty()) {
                Rectangle first = stripPanel(strip.size(), 0);
                Draw.row(g, strip, stripTitles(r), first.x, first.y, first.width);
                Rectangle firstError = errorPanel(strip.size(), 0);
                List<RgbImage> errors = strip.stream().map(img -> errorMap(r.input(), img)).toList();
                Draw.row(g, errors, errorTitles(strip.size()), firstError.x, firstError.y, firstError.width);
            }
            if (r.familiarity().outside()) {
                Draw.notice(g, r.familiarity().notice(), GAP, out.getHeight() - Draw.NOTICE, out.getWidth() - 2 * GAP);
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The refinement images drawn below: those of a residual grid, none otherwise. */
    static List<RgbImage> strip(TokenizeResult r) {
        return r.tokens() instanceof TokenGrid t && t.depth() > 1 ? r.refinements() : List.of();
    }

    /** Titles of the refinement panels: the levels decoded and the PSNR against the input, with its gain. */
    static List<String> stripTitles(TokenizeResult r) {
        List<RgbImage> strip = strip(r);
        List<String> titles = new ArrayList<>();
        double previous = Double.NaN;
        for (int l = 0; l < strip.size(); l++) {
            double psnr = ImageMetrics.psnr(r.input(), strip.get(l));
            titles.add((l == 0 ? "level 1" : "levels 1.." + (l + 1)) + String.format(": %.1f dB", psnr)
                    + (l == 0 ? "" : String.format(" (%+.1f)", psnr - previous)));
            previous = psnr;
        }
        return titles;
    }

    /** |input - decoded| per channel, times {@link #ERROR_GAIN}, clipped to 1. */
    static RgbImage errorMap(RgbImage input, RgbImage decoded) {
        float[] a = input.pixels();
        float[] b = decoded.pixels();
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = Math.min(1f, Math.abs(a[i] - b[i]) * ERROR_GAIN);
        }
        return new RgbImage(input.width(), input.height(), out);
    }

    /** Titles of the error maps, one per refinement. */
    static List<String> errorTitles(int n) {
        List<String> titles = new ArrayList<>();
        for (int l = 0; l < n; l++) {
            titles.add(String.format("error x%.0f, %s", ERROR_GAIN, l == 0 ? "level 1" : "levels 1.." + (l + 1)));
        }
        return titles;
    }

    /** Where error map {@code i} of {@code n} is drawn: under refinement panel {@code i}. */
    static Rectangle errorPanel(int n, int i) {
        Rectangle above = stripPanel(n, i);
        return new Rectangle(above.x, above.y + above.height + GAP + Draw.TITLE, above.width, above.height);
    }

    /** Side of each of {@code n} refinement panels: as large as the three-panel width allows, at most {@link #PANEL}. */
    static int stripPanel(int n) {
        return Math.min(PANEL, (width() - (n + 1) * GAP) / n);
    }

    /** Where refinement panel {@code i} of {@code n} is drawn (the strip is centred). */
    static Rectangle stripPanel(int n, int i) {
        int side = stripPanel(n);
        int x0 = (width() - (n * side + (n - 1) * GAP)) / 2;
        return new Rectangle(x0 + i * (side + GAP), height() + Draw.TITLE, side, side);
    }

    /** The ids of {@code t} by how often they occur, most used first (ties: the smaller id first), with their counts. */
    static List<int[]> ranked(TokenGrid t) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int r = 0; r < t.rows(); r++) {
            for (int c = 0; c < t.cols(); c++) {
                counts.merge(t.at(r, c), 1, Integer::sum);
            }
        }
        List<int[]> out = new ArrayList<>();
        counts.forEach((id, n) -> out.add(new int[] {id, n}));
        out.sort(Comparator.<int[]>comparingInt(e -> -e[1]).thenComparingInt(e -> e[0]));
        return out;
    }

    /**
     * The key to an id grid, two lines in {@code width} pixels from (x0, top): {@link #LEGEND_NOTE},
     * then "most used:" with a swatch, the id and its count for as many of the most used ids as fit,
     * and how many different ids the grid holds, followed by {@code scope} (e.g. " in level 1" for the
     * first level of a residual grid).
     */
    static void legend(Graphics2D g, TokenGrid t, int x0, int top, int width, String scope) {
        g.setColor(Draw.MUTED);
        g.setFont(Draw.fitted(g, LEGEND_NOTE, Font.PLAIN, 12, width));
        g.drawString(LEGEND_NOTE, x0, top + Draw.LINE - 4);
        List<int[]> ranked = ranked(t);
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        int baseline = top + 2 * Draw.LINE - 4;
        String tail = ranked.size() + (ranked.size() == 1 ? " id in all" : " different ids") + scope;
        String head = "most used:";
        g.drawString(head, x0, baseline);
        int x = x0 + fm.stringWidth(head) + 6;
        int swatch = 11;
        int end = x0 + width - fm.stringWidth("· " + tail);
        for (int[] e : ranked) {
            String label = e[0] + " \u00d7" + e[1];
            int need = swatch + 3 + fm.stringWidth(label) + 9;
            if (x + need > end) {
                break;
            }
            g.setColor(Palette.code(e[0]));
            g.fillRect(x, baseline - swatch + 1, swatch, swatch);
            g.setColor(Draw.MUTED);
            g.drawString(label, x + swatch + 3, baseline);
            x += need;
        }
        g.drawString("· " + tail, x, baseline);
    }

    /** The ids of a single-level grid as coloured cells in a {@code side x side} square at (x0, y0). */
    static void grid(Graphics2D g, TokenGrid t, int x0, int y0, int side) {
        double cell = Math.min((double) side / t.cols(), (double) side / t.rows());
        int fontSize = (int) Math.min(12, Math.floor(cell * 0.45));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(fontSize, 1)));
        FontMetrics fm = g.getFontMetrics();
        for (int r = 0; r < t.rows(); r++) {
            for (int c = 0; c < t.cols(); c++) {
                int id = t.at(r, c);
                int x = Draw.edge(x0, side, t.cols(), c);
                int y = Draw.edge(y0, side, t.rows(), r);
                int w = Draw.edge(x0, side, t.cols(), c + 1) - x;
                int h = Draw.edge(y0, side, t.rows(), r + 1) - y;
                Color fill = Palette.code(id);
                g.setColor(fill);
                g.fillRect(x, y, w, h);
                String s = Integer.toString(id);
                if (fontSize >= 7 && fm.stringWidth(s) <= w - 2) {
                    g.setColor(Palette.textOn(fill));
                    g.drawString(s, x + (w - fm.stringWidth(s)) / 2, y + (h + fm.getAscent() - fm.getDescent()) / 2);
                }
            }
        }
        g.setColor(new Color(255, 255, 255, 90));
        g.setStroke(new BasicStroke(1f));
        for (int c = 1; c < t.cols(); c++) {
            int x = Draw.edge(x0, side, t.cols(), c);
            g.drawLine(x, y0, x, y0 + side);
        }
        for (int r = 1; r < t.rows(); r++) {
            int y = Draw.edge(y0, side, t.rows(), r);
            g.drawLine(x0, y, x0 + side, y);
        }
    }
}
