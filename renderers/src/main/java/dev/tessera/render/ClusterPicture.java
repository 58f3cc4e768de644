package dev.tessera.render;

import dev.tessera.engine.tokenize.TokenSet;
import dev.tessera.engine.tokenize.TokenizeResult;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;

/**
 * The picture of a cluster (SeTok-style) tokenization: the input; the input again with every
 * patch tinted in its token's code colour, the cluster boundaries drawn and each token's
 * centre marked with its index; and the reconstruction. The background, a token that holds at
 * least half of the patches, is left untinted (the title names it), so the picture's colour goes
 * to the objects rather than to one arbitrary code colour over most of the image. Same size as a single-level
 * {@link TokenGridPicture}, so pictures of different tokenizers line up in a notebook.
 */
public final class ClusterPicture {

    /** Opacity of the code colour over the input: strong enough to read, weak enough to see the image. */
    static final int TINT_ALPHA = 115;
    /** Colour of the lines between patches of different tokens. */
    static final Color BOUNDARY = Color.WHITE;
    private static final int PANEL = TokenGridPicture.PANEL;
    private static final int GAP = Draw.GAP;
    private static final int TOP = GAP + Draw.TITLE;

    private ClusterPicture() {
    }

    /** The picture of a result whose tokens are a {@link TokenSet}. */
    public static BufferedImage draw(TokenizeResult r) {
        if (!(r.tokens() instanceof TokenSet t)) {
            throw new IllegalArgumentException("a cluster picture needs a TokenSet, got " + r.tokens());
        }
        BufferedImage out = new BufferedImage(TokenGridPicture.width(), TokenGridPicture.height(r), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Draw.begin(out);
        try {
            Draw.title(g, "input " + r.input().width() + "x" + r.input().height(), GAP, TOP, PANEL);
            Draw.image(g, r.input(), GAP, TOP, PANEL, PANEL);
            int background = background(t);
            Draw.title(g, t.count() + " tokens over " + t.side() + "x" + t.side() + " patches"
                    + (background < 0 ? ", K=" + t.codebookSize() : "; " + background + " = background"), overlayX(), TOP, PANEL);
            Draw.image(g, r.input(), overlayX(), TOP, PANEL, PANEL);
            overlay(g, t, overlayX(), TOP, PANEL);
            key(g, overlayX(), TOP + PANEL, PANEL);
            Draw.title(g, String.format("reconstruction: PSNR %.1f dB, SSIM %.3f", r.psnr(), r.ssim()),
                    3 * GAP + 2 * PANEL, TOP, PANEL);
            Draw.image(g, r.reconstruction(), 3 * GAP + 2 * PANEL, TOP, PANEL, PANEL);
            if (r.familiarity().outside()) {
                Draw.notice(g, r.familiarity().notice(), GAP, out.getHeight() - Draw.NOTICE, out.getWidth() - 2 * GAP);
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The two lines under the overlay saying what its marks mean. */
    static final String[] KEY = {"tint: each token's code (colours mean nothing); none: background",
        "white lines: token borders; numbered markers: cluster centres"};

    /** {@link #KEY} in {@code width} pixels from (x0, top), in the legend room {@link TokenGridPicture#height()} leaves. */
    private static void key(Graphics2D g, int x0, int top, int width) {
        g.setColor(Draw.MUTED);
        for (int i = 0; i < KEY.length; i++) {
            g.setFont(Draw.fitted(g, KEY[i], Font.PLAIN, 12, width));
            g.drawString(KEY[i], x0, top + (i + 1) * Draw.LINE - 4);
        }
    }

    /** Left edge of the overlay panel. */
    static int overlayX() {
        return 2 * GAP + PANEL;
    }

    /** Top edge of every panel. */
    static int panelTop() {
        return TOP;
    }

    /** The token holding at least half of the patches (the background of a scene), or -1 if none does. */
    static int background(TokenSet t) {
        int[] sizes = t.sizes();
        for (int k = 0; k < sizes.length; k++) {
            if (2 * sizes[k] >= t.assignment().length) {
                return k;
            }
        }
        return -1;
    }

    /** Tints, boundaries and centre markers over the input already drawn in the square at (x0, y0). */
    static void overlay(Graphics2D g, TokenSet t, int x0, int y0, int side) {
        int n = t.side();
        int[] a = t.assignment();
        int background = background(t);
        for (int p = 0; p < a.length; p++) {
            if (a[p] == background) {
                continue;
            }
            Color c = Palette.code(t.ids()[a[p]]);
            g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), TINT_ALPHA));
            int x = Draw.edge(x0, side, n, p % n);
            int y = Draw.edge(y0, side, n, p / n);
            g.fillRect(x, y, Draw.edge(x0, side, n, p % n + 1) - x, Draw.edge(y0, side, n, p / n + 1) - y);
        }
        g.setColor(BOUNDARY);
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_SQUARE, BasicStroke.JOIN_MITER));
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                int x1 = Draw.edge(x0, side, n, c + 1);
                int y1 = Draw.edge(y0, side, n, r + 1);
                if (c + 1 < n && a[r * n + c] != a[r * n + c + 1]) {
                    g.drawLine(x1, Draw.edge(y0, side, n, r), x1, y1);
                }
                if (r + 1 < n && a[r * n + c] != a[(r + 1) * n + c]) {
                    g.drawLine(Draw.edge(x0, side, n, c), y1, x1, y1);
                }
            }
        }
        markers(g, t, x0, y0, side);
    }

    private static void markers(Graphics2D g, TokenSet t, int x0, int y0, int side) {
        int n = t.side();
        double cell = (double) side / n;
        double radius = Math.max(6, Math.min(11, cell * 0.4));
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setStroke(new BasicStroke(1.5f));
        for (int k = 0; k < t.count(); k++) {
            double cx = x0 + (t.centres()[k] % n + 0.5) * cell;
            double cy = y0 + (t.centres()[k] / n + 0.5) * cell;
            Ellipse2D dot = new Ellipse2D.Double(cx - radius, cy - radius, 2 * radius, 2 * radius);
            g.setColor(Color.WHITE);
            g.fill(dot);
            g.setColor(Draw.INK);
            g.draw(dot);
            String label = Integer.toString(k);
            Font f = Draw.fitted(g, label, Font.BOLD, (int) Math.round(radius * 1.1), (int) (2 * radius - 3));
            g.setFont(f);
            FontMetrics fm = g.getFontMetrics();
            g.drawString(label, (float) (cx - fm.stringWidth(label) / 2.0), (float) (cy + (fm.getAscent() - fm.getDescent()) / 2.0));
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
    }
}
