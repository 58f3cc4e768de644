package dev.tessera.render;

import dev.tessera.engine.eval.CodebookReport;
import dev.tessera.engine.eval.Comparison;
import dev.tessera.engine.eval.ImageMetrics;
import dev.tessera.engine.eval.ReconstructionReport;
import dev.tessera.engine.image.Images;
import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.tokenize.ImageTokens;
import dev.tessera.engine.tokenize.TokenGrid;
import dev.tessera.engine.tokenize.TokenSet;
import dev.tessera.engine.tokenize.TokenizeResult;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/** Results built by hand (no model): known images, grids, token sets and reports for renderer tests. */
final class Fixtures {

    private Fixtures() {
    }

    /** A {@code w x h} image of one colour (channel values in [0, 1]). */
    static RgbImage uniform(int w, int h, float r, float g, float b) {
        float[] px = new float[3 * w * h];
        Arrays.fill(px, 0, w * h, r);
        Arrays.fill(px, w * h, 2 * w * h, g);
        Arrays.fill(px, 2 * w * h, 3 * w * h, b);
        return new RgbImage(w, h, px);
    }

    /** A 64x64 scene to look at: a red disc and a blue square on a pale background. */
    static RgbImage scene() {
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(235, 230, 215));
        g.fillRect(0, 0, 64, 64);
        g.setColor(new Color(200, 40, 40));
        g.fillOval(6, 8, 26, 26);
        g.setColor(new Color(40, 80, 200));
        g.fillRect(36, 34, 22, 22);
        g.dispose();
        return Images.fromBuffered(img);
    }

    /** {@code img} with every channel quantized to {@code levels} values: a stand-in for a coarse decode. */
    static RgbImage quantized(RgbImage img, int levels) {
        float[] px = img.pixels().clone();
        for (int i = 0; i < px.length; i++) {
            px[i] = Math.round(px[i] * (levels - 1)) / (float) (levels - 1);
        }
        return new RgbImage(img.width(), img.height(), px);
    }

    static TokenizeResult result(RgbImage input, ImageTokens tokens, RgbImage reconstruction, List<RgbImage> refinements) {
        return new TokenizeResult("sample:0", "test-tokenizer", "a tokenizer built by hand", input, tokens, reconstruction,
                refinements, ImageMetrics.psnr(input, reconstruction), 0.875);
    }

    /** A 64x64 grey image and a 16x16 single-level grid whose id at (r, c) is r*16+c, PSNR 31.5. */
    static TokenizeResult knownGrid() {
        RgbImage img = uniform(64, 64, 0.5f, 0.5f, 0.5f);
        int[] ids = new int[256];
        for (int i = 0; i < 256; i++) {
            ids[i] = i;
        }
        return new TokenizeResult("sample:0", "vq-test", "VQ 256, 16x16 grid", img, new TokenGrid(16, 16, ids, 256), img,
                List.of(), 31.5, 0.912);
    }

    /**
     * A residual grid of {@code depth} levels on the grey image; refinement {@code l} is a
     * uniform image of grey {@code 0.5 + 0.1 (l + 1)}, so each strip panel has a known colour.
     */
    static TokenizeResult residual(int depth) {
        RgbImage img = uniform(64, 64, 0.5f, 0.5f, 0.5f);
        int[] ids = new int[8 * 8 * depth];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = (i * 7) % 32;
        }
        List<RgbImage> refinements = new ArrayList<>();
        for (int l = 0; l < depth; l++) {
            float v = Math.min(1f, 0.5f + 0.1f * (l + 1));
            refinements.add(uniform(64, 64, v, v, v));
        }
        return new TokenizeResult("sample:1", "rvq-test", "RVQ " + depth + "x32, 8x8 grid", img,
                new TokenGrid(8, 8, depth, ids, 32), refinements.get(depth - 1), refinements, 20, 0.5);
    }

    /**
     * Four tokens on a 4x4 patch grid, one per quadrant (token k = quadrant k, row-major), with
     * content codes 3, 9, 27, 81 and centres at the quadrants' top-left patches.
     */
    static TokenSet quadrants() {
        int[] assignment = new int[16];
        for (int p = 0; p < 16; p++) {
            assignment[p] = (p / 4 >= 2 ? 2 : 0) + (p % 4 >= 2 ? 1 : 0);
        }
        return new TokenSet(4, new int[] {3, 9, 27, 81}, new int[] {0, 2, 8, 10}, assignment, 128);
    }

    /** Usage of {@code levels} levels of {@code k} codes: code i of level l chosen {@code i + l} times, code 0 of level 0 never. */
    static ReconstructionReport report(int levels, int k, int[] tokenCounts) {
        long[][] usage = new long[levels][k];
        for (int l = 0; l < levels; l++) {
            for (int i = 0; i < k; i++) {
                usage[l][i] = i + l;
            }
        }
        return new ReconstructionReport(27.5, 0.0018, 0.9, 256 * 8.0 * levels, tokenCounts, usage);
    }

    /** An atlas of {@code n} codes, code i a uniform tile of {@link Palette#code(int)}. */
    static CodebookReport codebook(int n, int levels) {
        List<RgbImage> atlas = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Color c = Palette.code(i);
            atlas.add(uniform(8, 8, c.getRed() / 255f, c.getGreen() / 255f, c.getBlue() / 255f));
        }
        return new CodebookReport("vq-test", "VQ " + n + ", 16x16 grid", atlas, report(levels, n, new int[] {256, 256, 256}));
    }

    /** Three tokenizers; the last one (cluster tokens) has a known correlation, the others NaN. */
    static Comparison comparison() {
        RgbImage sample = scene();
        List<Comparison.Row> rows = List.of(
                new Comparison.Row("vq-256", "VQ 256, 16x16", report(1, 256, new int[] {256, 256}), Double.NaN),
                new Comparison.Row("rvq-4x256", "RVQ 4x256, 16x16", report(4, 256, new int[] {256, 256}), Double.NaN),
                new Comparison.Row("setok", "SeTok, DPC-kNN", report(1, 256, new int[] {31, 40, 52}), 0.8123));
        List<RgbImage> recs = List.of(quantized(sample, 3), quantized(sample, 6), quantized(sample, 2));
        return new Comparison("scenes", 3, rows, sample, recs);
    }

    static BufferedImage png(String base64) {
        try {
            return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedImage png(Map<String, String> bundle) {
        return png(bundle.get("image/png"));
    }

    /** {@code "#rrggbb"} as Lets-Plot's SVG writes a colour: {@code rgb(r,g,b)}. */
    static String rgb(String hex) {
        java.awt.Color c = java.awt.Color.decode(hex);
        return "rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")";
    }

    /** How often {@code part} occurs in {@code s}. */
    static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
