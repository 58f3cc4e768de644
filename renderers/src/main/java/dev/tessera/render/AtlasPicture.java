package dev.tessera.render;

import dev.tessera.engine.eval.CodebookReport;
import dev.tessera.engine.quantize.FsqConfig;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The codebook atlas: each code decoded on its own, as tiles. A learned codebook (VQ) has no
 * order, so its tiles fill a square-ish grid (32 px tiles up to 256 codes, smaller ones for
 * larger codebooks), each row labelled with its first code id. An FSQ codebook is a grid of
 * numbers (Mentzer et al., 2023: 8 x 6 x 5 levels make 240 codes), and its atlas is laid out as
 * that grid: in each block the first number runs left to right and the second top to bottom,
 * and the blocks follow the remaining numbers, so neighbouring tiles differ in one number by one
 * step and the picture shows what each number controls. Codes never chosen on the held-out
 * images are faded and outlined in red.
 */
public final class AtlasPicture {

    /** Space between tiles. */
    static final int SPACING = 2;
    /** Space between the blocks of an FSQ grid. */
    static final int BLOCK_GAP = 14;
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

    /** Top-left corner of the tile of code {@code i} of {@code n} in the square-ish grid. */
    static Point tileOrigin(int n, int i) {
        int pitch = tile(n) + SPACING;
        return new Point(GAP + LABELS + (i % columns(n)) * pitch, TOP + (i / columns(n)) * pitch);
    }

    /**
     * Where the tiles of an FSQ codebook with {@code levels} go: blocks of {@code levels[0]}
     * columns by {@code levels[1]} rows, {@code levels[2]} blocks to a row of blocks (1 for two
     * numbers), each block under a label naming its remaining numbers.
     */
    record FsqLayout(List<Integer> levels) {

        int columns() {
            return levels.get(0);
        }

        int rows() {
            return levels.size() > 1 ? levels.get(1) : 1;
        }

        int blocks() {
            return levels.stream().skip(2).reduce(1, (a, b) -> a * b);
        }

        int blocksPerRow() {
            return levels.size() > 2 ? levels.get(2) : 1;
        }

        int blockRows() {
            return (blocks() + blocksPerRow() - 1) / blocksPerRow();
        }

        /** 32 px tiles, shrinking to keep the atlas about 960 px wide. */
        int tile() {
            return Math.max(8, Math.min(32, 960 / (columns() * blocksPerRow())));
        }

        int pitch() {
            return tile() + SPACING;
        }

        int blockWidth() {
            return columns() * pitch() - SPACING;
        }

        int blockHeight() {
            return Draw.LINE + rows() * pitch() - SPACING;
        }

        /** The digits of code {@code i} ({@link FsqConfig#digits}). */
        int[] digits(int i) {
            return FsqConfig.digits(i, levels.stream().mapToInt(Integer::intValue).toArray());
        }

        /** Top-left corner of block {@code b}'s label line. */
        Point block(int b) {
            return new Point(GAP + LABELS + (b % blocksPerRow()) * (blockWidth() + BLOCK_GAP),
                    TOP + (b / blocksPerRow()) * (blockHeight() + BLOCK_GAP));
        }

        Point origin(int i) {
            int cell = columns() * rows();
            Point b = block(i / cell);
            return new Point(b.x + (i % columns()) * pitch(), b.y + Draw.LINE + ((i % cell) / columns()) * pitch());
        }

        int width() {
            return GAP + LABELS + blocksPerRow() * (blockWidth() + BLOCK_GAP) - BLOCK_GAP + GAP;
        }

        int height() {
            return TOP + blockRows() * (blockHeight() + BLOCK_GAP) - BLOCK_GAP + GAP;
        }

        /** Above block {@code b}: the values of the numbers after the first two, e.g. "3rd = 2". */
        String label(int b) {
            int[] d = digits(b * columns() * rows());
            StringBuilder s = new StringBuilder();
            for (int k = 2; k < d.length; k++) {
                s.append(k == 2 ? "" : ", ").append(ordinal(k + 1)).append(" = ").append(d[k]);
            }
            return s.toString();
        }

        /** The title's second line: which number runs which way. */
        String guide() {
            StringBuilder s = new StringBuilder("1st number left to right (" + columns() + " levels)");
            if (levels.size() > 1) {
                s.append(", 2nd top to bottom (").append(rows()).append(")");
            }
            if (levels.size() > 2) {
                s.append(", blocks by the ").append(levels.size() == 3 ? "3rd" : "3rd and later");
            }
            return s.toString();
        }
    }

    static String ordinal(int k) {
        return k + switch (k) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }

    /** The atlas of {@code report}, with its dead codes (level 1, held-out usage 0) faded. */
    public static BufferedImage draw(CodebookReport report) {
        int n = report.atlas().size();
        boolean fsq = !report.gridLevels().isEmpty() && n == report.heldOut().codebookSize();
        FsqLayout grid = fsq ? new FsqLayout(report.gridLevels()) : null;
        int cols = columns(n);
        int rows = (n + cols - 1) / cols;
        int tile = fsq ? grid.tile() : tile(n);
        int pitch = tile + SPACING;
        int width = Math.max(MIN_WIDTH, fsq ? grid.width() : GAP + LABELS + cols * pitch - SPACING + GAP);
        int height = fsq ? grid.height() : TOP + Math.max(rows * pitch - SPACING, 0) + GAP;
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Draw.begin(out);
        try {
            long[] usage = report.heldOut().usage()[0];
            boolean anyDead = false;
            for (int i = 0; i < n; i++) {
                Point p = fsq ? grid.origin(i) : tileOrigin(n, i);
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
            if (fsq) {
                gridLabels(g, grid);
            } else {
                labels(g, n, rows, pitch);
            }
            String title = n == 0 ? "no atlas" : fsq
                    ? "atlas: the " + n + " codes as their FSQ grid " + grid.levels().stream().map(String::valueOf)
                            .reduce((a, b) -> a + " x " + b).orElse("")
                    : "atlas: codes 0.." + (n - 1) + " of " + report.heldOut().codebookSize()
                            + (report.heldOut().levels() > 1 ? ", level 1" : "");
            String subtitle = (fsq ? grid.guide() + "; " : "") + "each code decoded alone" + (anyDead ? "; faded: never chosen on "
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

    /** An FSQ grid's block labels, and left of each row of blocks the second number's value per tile row. */
    private static void gridLabels(Graphics2D g, FsqLayout grid) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.setColor(Draw.MUTED);
        FontMetrics fm = g.getFontMetrics();
        for (int b = 0; b < grid.blocks(); b++) {
            Point p = grid.block(b);
            g.drawString(grid.label(b), p.x, p.y + Draw.LINE - 5);
            if (b % grid.blocksPerRow() == 0 && grid.levels().size() > 1) {
                for (int r = 0; r < grid.rows(); r++) {
                    String s = "2nd = " + r;
                    Point t = grid.origin(b * grid.columns() * grid.rows() + r * grid.columns());
                    g.drawString(s, t.x - 4 - fm.stringWidth(s),
                            t.y + (grid.pitch() - SPACING + fm.getAscent() - fm.getDescent()) / 2);
                }
            }
        }
    }
}
