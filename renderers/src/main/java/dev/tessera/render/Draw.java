package dev.tessera.render;

import dev.tessera.engine.image.Images;
import dev.tessera.engine.image.RgbImage;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Drawing helpers shared by the pictures: a white canvas, titles that always fit their panel,
 * and images drawn into panels (nearest-neighbour when enlarging, so pixels stay honest).
 */
final class Draw {

    /** Space between panels and around the picture. */
    static final int GAP = 16;
    /** Height of a one-line title above a panel. */
    static final int TITLE = 28;
    /** Height of each further title line. */
    static final int LINE = 18;
    static final Color INK = new Color(30, 30, 30);
    static final Color MUTED = new Color(110, 110, 110);
    static final Color FRAME = new Color(215, 215, 215);
    private static final int TITLE_FONT = 15;
    private static final int SMALLEST_FONT = 9;

    private Draw() {
    }

    /** A white RGB picture and its graphics, text antialiased; the caller disposes the graphics. */
    static Graphics2D begin(BufferedImage out) {
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        return g;
    }

    /** Height of the title area for a title of {@code lines} lines. */
    static int titleHeight(int lines) {
        return TITLE + (lines - 1) * LINE;
    }

    /**
     * A title above the panel whose top edge is {@code panelTop}: lines split at '\n', the first
     * bold and the rest plain; each shrunk (then shortened with an ellipsis) to fit {@code maxWidth}.
     */
    static void title(Graphics2D g, String text, int x, int panelTop, int maxWidth) {
        String[] lines = text.split("\n");
        int baseline = panelTop - 9 - (lines.length - 1) * LINE;
        for (int i = 0; i < lines.length; i++) {
            g.setColor(i == 0 ? INK : MUTED);
            int style = i == 0 ? Font.BOLD : Font.PLAIN;
            g.setFont(fitted(g, lines[i], style, i == 0 ? TITLE_FONT : TITLE_FONT - 2, maxWidth));
            g.drawString(ellipsized(g.getFontMetrics(), lines[i], maxWidth), x, baseline + i * LINE);
        }
    }

    /** Height of a {@link #notice}: three lines of text. */
    static final int NOTICE = 3 * LINE + GAP;
    static final Color WARNING = new Color(170, 30, 20);

    /**
     * A warning under a picture, from (x, top), wrapped at word boundaries into at most three lines of
     * {@code width} pixels (a longer text ends in an ellipsis).
     */
    static void notice(Graphics2D g, String text, int x, int top, int width) {
        g.setColor(WARNING);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, TITLE_FONT - 2));
        FontMetrics fm = g.getFontMetrics();
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String next = line.length() == 0 ? word : line + " " + word;
            if (fm.stringWidth(next) > width && line.length() > 0) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(next);
            }
        }
        lines.add(line.toString());
        for (int i = 0; i < Math.min(3, lines.size()); i++) {
            String l = i == 2 && lines.size() > 3 ? ellipsized(fm, lines.get(i) + " " + lines.get(3), width) : lines.get(i);
            g.drawString(l, x, top + LINE * (i + 1) - 4);
        }
    }

    /** The largest font of {@code style}, from {@code size} down to 9 pt, in which {@code text} fits {@code width}. */
    static Font fitted(Graphics2D g, String text, int style, int size, int width) {
        Font f = new Font(Font.SANS_SERIF, style, size);
        while (size > SMALLEST_FONT && g.getFontMetrics(f).stringWidth(text) > width) {
            f = new Font(Font.SANS_SERIF, style, --size);
        }
        return f;
    }

    private static String ellipsized(FontMetrics fm, String text, int width) {
        if (fm.stringWidth(text) <= width) {
            return text;
        }
        String s = text;
        while (!s.isEmpty() && fm.stringWidth(s + "…") > width) {
            s = s.substring(0, s.length() - 1);
        }
        return s + "…";
    }

    /**
     * {@code img} drawn into the given rectangle (nearest-neighbour when enlarging, bilinear when
     * shrinking), framed just outside in light grey so white images stay visible on the white canvas.
     */
    static void image(Graphics2D g, RgbImage img, int x, int y, int w, int h) {
        scaled(g, img, x, y, w, h);
        g.setColor(FRAME);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x - 1, y - 1, w + 1, h + 1);
    }

    private static void scaled(Graphics2D g, RgbImage img, int x, int y, int w, int h) {
        boolean enlarging = w >= img.width() && h >= img.height();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, enlarging
                ? RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(Images.toBuffered(img), x, y, w, h, null);
    }

    /**
     * The whole factor that enlarges {@code img} as far as {@code target} px on its longer side
     * allows, so every pixel becomes an equal square (32 px -> 160 px is 5x); below 1 (an image
     * larger than {@code target}) the fraction that shrinks it to {@code target}.
     */
    static double crispScale(RgbImage img, int target) {
        int longer = Math.max(img.width(), img.height());
        return longer <= target ? target / longer : (double) target / longer;
    }

    /** {@code img} at {@link #crispScale}: enlarged with square pixels, or shrunk smoothly when larger. */
    static BufferedImage crisp(RgbImage img, int target) {
        double s = crispScale(img, target);
        BufferedImage out = new BufferedImage(Math.max(1, (int) Math.round(img.width() * s)),
                Math.max(1, (int) Math.round(img.height() * s)), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            scaled(g, img, 0, 0, out.getWidth(), out.getHeight());
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Width of a row of {@code n} square panels of side {@code panel}, with gaps between and around. */
    static int rowWidth(int n, int panel) {
        return n * panel + (n + 1) * GAP;
    }

    /**
     * Titled square panels side by side, starting at {@code x0}; titles sit above
     * {@code panelTop}, images fill {@code panel x panel}.
     */
    static void row(Graphics2D g, List<RgbImage> images, List<String> titles, int x0, int panelTop, int panel) {
        for (int i = 0; i < images.size(); i++) {
            int x = x0 + i * (panel + GAP);
            title(g, titles.get(i), x, panelTop, panel);
            image(g, images.get(i), x, panelTop, panel, panel);
        }
    }

    /** The integer edge of cell {@code i} when {@code length} pixels are split into {@code cells} cells. */
    static int edge(int origin, int length, int cells, int i) {
        return origin + (int) Math.round((double) i * length / cells);
    }
}
