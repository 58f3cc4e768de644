package dev.tessera.render;

import dev.tessera.engine.eval.CodebookReport;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.image.BufferedImage;

/**
 * The codebook atlas: each code decoded on its own, as tiles in a square-ish grid (32 px tiles
 * up to 256 codes, smaller ones for larger codebooks), each row labelled with its first code
 * id. Codes never chosen on the held-out images are faded and outlined in red.
 */
public final class AtlasPicture {

    /** Space between tiles. */
    static final int SPACING = 2;
    /** Tiles of codes never used are covered with white of this opacity. */
    static final int DEAD_FADE = 170;
    static final Color DEAD = new Color(192, 57, 43);
    private static final int GAP = Draw.GAP;
    private static final int LABELS = 40;
    private static final int TOP = GAP + Draw.titleHeight(2);
    private static final int MIN_WIDTH = 480;

    private AtlasPicture() {
    }

    /** Tiles per row for {@code n} codes: a square-ish grid. */
    static int columns(int n) {
        return Math.max(1, (int) Math.ceil(Math.sqrt(n)));
    }

    /** Side of one tile for {@code n} codes: 32 px up to 256 codes, shrinking to keep the atlas about 640 px wide. */
    static int tile(int n) {
        return Math.max(8, Math.min(32, 640 / columns(n)));
    }

    /** Top-left corner of the tile of code {@code i} of {@code n}. */
    static Point tileOrigin(int n, int i) {
        int pitch = tile(n) + SPACING;
        return new Point(GAP + LABELS + (i % columns(n)) * pitch, TOP + (i / columns(n)) * pitch);
    }

    /** The atlas of {@code report}, with its dead codes (level 1, held-out usage 0) faded. */
    public static BufferedImage draw(CodebookReport report) {
        int n = report.atlas().size();
        int cols = columns(n);
        int rows = (n + cols - 1) / cols;
        int tile = tile(n);
        int pitch = tile + SPACING;
        int width = Math.max(MIN_WIDTH, GAP + LABELS + cols * pitch - SPACING + GAP);
        int height = TOP + Math.max(rows * pitch - SPACING, 0) + GAP;
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Draw.begin(out);
        try {
            long[] usage = report.heldOut().usage()[0];
            boolean anyDead = false;
            for (int i = 0; i < n; i++) {
                Point p = tileOrigin(n, i);
                Draw.image(g, report.atlas().get(i), p.x, p.y, tile, tile);
                if (i < usage.length && usage[i] == 0) {
                    anyDead = true;
                    g.setColor(new Color(255, 255, 255, DEAD_FADE));
                    g.fillRect(p.x, p.y, tile, tile);
                    g.setColor(DEAD);
                    g.setStroke(new BasicStroke(1f));
                    g.drawRect(p.x, p.y, tile - 1, tile - 1);
                }
            }
            labels(g, n, rows, pitch);
            String title = n == 0 ? "no atlas" : "atlas: codes 0.." + (n - 1) + " of " + report.heldOut().codebookSize()
                    + (report.heldOut().levels() > 1 ? ", level 1" : "");
            String subtitle = "each code decoded alone" + (anyDead ? "; faded: never chosen on "
                    + report.heldOut().images() + " held-out images" : "");
            Draw.title(g, title + "\n" + subtitle, GAP, TOP, width - 2 * GAP);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The first code id of each row, right-aligned left of the tiles (every k-th row when tiles are small). */
    private static void labels(Graphics2D g, int n, int rows, int pitch) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        g.setColor(Draw.MUTED);
        FontMetrics fm = g.getFontMetrics();
        int every = (int) Math.ceil(12.0 / pitch);
        for (int r = 0; r < rows; r += every) {
            String s = Integer.toString(r * columns(n));
            Point p = tileOrigin(n, r * columns(n));
            g.drawString(s, p.x - 6 - fm.stringWidth(s), p.y + (pitch - SPACING + fm.getAscent() - fm.getDescent()) / 2);
        }
    }
}
