package dev.tessera.render;

import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.tokenize.TokenGrid;
import dev.tessera.engine.unified.Generation;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The picture of a generation: the images numbered in rows of up to eight, each enlarged with
 * square pixels, and under them the token ids the model wrote for image #1, as a grid coloured
 * per code (the same grid a tokenize picture shows).
 */
public final class GenerationPicture {

    /** Side each image is enlarged towards (a whole factor: 32 px -> 128 px). */
    static final int PANEL = 128;
    static final int PER_ROW = 8;
    /** Side of the token grid of image #1. */
    static final int TOKENS = 256;
    private static final int GAP = Draw.GAP;

    private GenerationPicture() {
    }

    /** Side of every image panel of {@code g}. */
    static int panel(Generation g) {
        RgbImage first = g.images().get(0);
        return (int) Math.round(Draw.crispScale(first, PANEL) * Math.max(first.width(), first.height()));
    }

    /** Top edge of the image panels of row {@code r}. */
    static int rowTop(Generation g, int r) {
        return GAP + Draw.TITLE + r * (Draw.TITLE + panel(g) + GAP);
    }

    /** Top edge of the token grid. */
    static int tokensTop(Generation g) {
        return rowTop(g, rows(g)) + Draw.TITLE;
    }

    private static int rows(Generation g) {
        return (g.images().size() + PER_ROW - 1) / PER_ROW;
    }

    /** The images, then the token grid of the first; a generation without images has no picture. */
    public static BufferedImage draw(Generation gen) {
        if (gen.images().isEmpty()) {
            throw new IllegalArgumentException("a generation picture needs at least one image");
        }
        int n = gen.images().size();
        int side = panel(gen);
        boolean tokens = !gen.grids().isEmpty();
        int width = Math.max(Draw.rowWidth(Math.min(n, PER_ROW), side), TOKENS + 2 * GAP);
        int height = (tokens ? tokensTop(gen) + TOKENS + TokenGridPicture.LEGEND : rowTop(gen, rows(gen)) - Draw.TITLE) + GAP;
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Draw.begin(out);
        try {
            for (int r = 0; r < rows(gen); r++) {
                List<String> titles = new ArrayList<>();
                int from = r * PER_ROW;
                int to = Math.min(n, from + PER_ROW);
                for (int i = from; i < to; i++) {
                    titles.add("#" + (i + 1));
                }
                Draw.row(g, gen.images().subList(from, to), titles, GAP, rowTop(gen, r), side);
            }
            if (tokens) {
                TokenGrid t = gen.grids().get(0);
                Draw.title(g, "#1 as the model wrote it: " + (t.depth() > 1 ? "level 1 of " + t.depth() + ", " : "")
                        + t.rows() + "x" + t.cols() + " image codes (0.." + (t.codebookSize() - 1) + ")", GAP, tokensTop(gen),
                        width - 2 * GAP);
                TokenGridPicture.grid(g, t.depth() == 1 ? t : t.level(0), GAP, tokensTop(gen), TOKENS);
                TokenGridPicture.legend(g, t.depth() == 1 ? t : t.level(0), GAP, tokensTop(gen) + TOKENS,
                        Math.max(TOKENS, width - 2 * GAP), t.depth() == 1 ? "" : " in level 1");
            }
        } finally {
            g.dispose();
        }
        return out;
    }
}
