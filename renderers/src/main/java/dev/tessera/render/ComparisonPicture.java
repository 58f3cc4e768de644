package dev.tessera.render;

import dev.tessera.engine.eval.Comparison;
import dev.tessera.engine.eval.ImageMetrics;
import dev.tessera.engine.image.RgbImage;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The picture of a comparison: the sample image, then each tokenizer's reconstruction of it,
 * titled by the tokenizer's name and the reconstruction's PSNR.
 */
public final class ComparisonPicture {

    /** Largest panel side; panels shrink so that many tokenizers still fit {@link #MAX_WIDTH}. */
    static final int PANEL = 192;
    static final int MAX_WIDTH = 1600;
    private static final int MIN_PANEL = 64;
    private static final int TOP = Draw.GAP + Draw.titleHeight(2);

    private ComparisonPicture() {
    }

    /** Side of each of {@code n} panels. */
    static int panel(int n) {
        return Math.max(MIN_PANEL, Math.min(PANEL, (MAX_WIDTH - (n + 1) * Draw.GAP) / n));
    }

    /** Left edge of panel {@code i} of {@code n}. */
    static int panelX(int n, int i) {
        return Draw.GAP + i * (panel(n) + Draw.GAP);
    }

    /** Top edge of every panel. */
    static int panelTop() {
        return TOP;
    }

    /** The sample and every reconstruction of it, in row order. */
    public static BufferedImage draw(Comparison c) {
        List<RgbImage> images = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        images.add(c.sample());
        titles.add("sample\n" + c.data() + " " + c.sample().width() + "x" + c.sample().height());
        for (int i = 0; i < c.sampleReconstructions().size(); i++) {
            RgbImage rec = c.sampleReconstructions().get(i);
            images.add(rec);
            String name = i < c.rows().size() ? c.rows().get(i).tokenizer() : "tokenizer " + (i + 1);
            titles.add(name + "\n" + (sameSize(c.sample(), rec)
                    ? String.format("PSNR %.1f dB", ImageMetrics.psnr(c.sample(), rec)) : rec.width() + "x" + rec.height()));
        }
        int n = images.size();
        int side = panel(n);
        BufferedImage out = new BufferedImage(Draw.rowWidth(n, side), TOP + side + Draw.GAP, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Draw.begin(out);
        try {
            Draw.row(g, images, titles, panelX(n, 0), TOP, side);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static boolean sameSize(RgbImage a, RgbImage b) {
        return a.width() == b.width() && a.height() == b.height();
    }
}
