package dev.tessera.render;

import dev.tessera.engine.image.Images;
import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.tokenize.TokenGrid;
import dev.tessera.engine.tokenize.TokenizeResult;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * The token-grid picture: the input image, its token ids as a grid coloured per code (with
 * the id written in each cell when it fits), and the reconstruction decoded from those ids,
 * side by side. Images are scaled up with nearest-neighbour so pixels stay honest.
 */
public final class TokenGridPicture {

    /** Side of each of the three panels, in pixels. */
    public static final int PANEL = 384;
    private static final int GAP = 16;
    private static final int TITLE = 28;
    private static final Color BACKGROUND = Color.WHITE;
    private static final Color INK = new Color(30, 30, 30);

    private TokenGridPicture() {
    }

    /** Width and height of the picture of any result. */
    public static int width() {
        return 3 * PANEL + 4 * GAP;
    }

    public static int height() {
        return PANEL + TITLE + 2 * GAP;
    }

    public static BufferedImage draw(TokenizeResult r) {
        BufferedImage out = new BufferedImage(width(), height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            int y = GAP + TITLE;
            TokenGrid t = r.tokens();
            title(g, "input " + r.input().width() + "x" + r.input().height(), GAP, y);
            image(g, r.input(), GAP, y);
            title(g, "tokens " + t.rows() + "x" + t.cols() + " from " + t.codebookSize() + " codes", 2 * GAP + PANEL, y);
            grid(g, t, 2 * GAP + PANEL, y);
            title(g, String.format("reconstruction, PSNR %.1f dB", r.psnr()), 3 * GAP + 2 * PANEL, y);
            image(g, r.reconstruction(), 3 * GAP + 2 * PANEL, y);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static void title(Graphics2D g, String text, int x, int panelTop) {
        g.setColor(INK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(text, x, panelTop - 9);
    }

    private static void image(Graphics2D g, RgbImage img, int x, int y) {
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(Images.toBuffered(img), x, y, PANEL, PANEL, null);
    }

    private static void grid(Graphics2D g, TokenGrid t, int x0, int y0) {
        double cw = (double) PANEL / t.cols();
        double ch = (double) PANEL / t.rows();
        int fontSize = (int) Math.min(12, Math.floor(Math.min(cw, ch) * 0.45));
        boolean labels = fontSize >= 7;
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(fontSize, 1));
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        for (int r = 0; r < t.rows(); r++) {
            for (int c = 0; c < t.cols(); c++) {
                int id = t.at(r, c);
                int x = x0 + (int) Math.round(c * cw);
                int y = y0 + (int) Math.round(r * ch);
                int w = x0 + (int) Math.round((c + 1) * cw) - x;
                int h = y0 + (int) Math.round((r + 1) * ch) - y;
                Color fill = Palette.code(id);
                g.setColor(fill);
                g.fillRect(x, y, w, h);
                if (labels) {
                    String s = Integer.toString(id);
                    if (fm.stringWidth(s) <= w - 2) {
                        g.setColor(Palette.textOn(fill));
                        g.drawString(s, x + (w - fm.stringWidth(s)) / 2, y + (h + fm.getAscent() - fm.getDescent()) / 2);
                    }
                }
            }
        }
        g.setColor(new Color(255, 255, 255, 90));
        g.setStroke(new BasicStroke(1f));
        for (int c = 1; c < t.cols(); c++) {
            int x = x0 + (int) Math.round(c * cw);
            g.drawLine(x, y0, x, y0 + PANEL);
        }
        for (int r = 1; r < t.rows(); r++) {
            int y = y0 + (int) Math.round(r * ch);
            g.drawLine(x0, y, x0 + PANEL, y);
        }
    }
}
