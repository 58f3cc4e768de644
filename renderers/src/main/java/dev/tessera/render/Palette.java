package dev.tessera.render;

import dev.tessera.engine.vocab.SpecialToken;

import java.awt.Color;

/**
 * Colours for code ids (distinct for neighbouring ids, stable across pictures), and one colour
 * per modality shared by every unified-model output: image spans, {@code <boi>}/{@code <eoi>}
 * and the image NLL curve are blue, text spans and the text NLL curve orange.
 */
final class Palette {

    /** The total loss, and bars of plain numbers. */
    static final String TOTAL = "#303030";
    /** Text: text spans of a sequence, the text NLL. */
    static final String TEXT = "#dd8452";
    /** Images: image spans and their brackets, the image NLL. */
    static final String IMAGE = "#4c72b0";
    /** Shares of right answers. */
    static final String SCORE = "#55a868";
    /** A finished run. */
    static final String DONE = "#2e8b57";
    /** A run stopped early, an incomplete image. */
    static final String WARN = "#c77c02";

    private static final double GOLDEN = 0.618033988749895;

    private Palette() {
    }

    /** The colour of code {@code id}: golden-ratio hue steps with alternating lightness. */
    static Color code(int id) {
        float hue = (float) ((id * GOLDEN) % 1.0);
        float sat = 0.55f + 0.3f * ((id / 3) % 2);
        float bri = 0.95f - 0.3f * (id % 3) / 2f;
        return Color.getHSBColor(hue, sat, bri);
    }

    /** Colours of codebook levels (residual stacks) in charts, as "#rrggbb"; they repeat after eight levels. */
    private static final String[] LEVELS = {
        "#4c72b0", "#dd8452", "#55a868", "#c44e52", "#8172b3", "#937860", "#da8bc3", "#8c8c8c"};

    /** The chart colour of level {@code level} (0-based). */
    static String level(int level) {
        return LEVELS[level % LEVELS.length];
    }

    /**
     * Colours of further series, none of them the total's or a modality's: one per task in the
     * loss chart, one per stage on a curriculum's timeline. They repeat after eight.
     */
    private static final String[] SERIES = {
        "#8172b3", "#c44e52", "#937860", "#55a868", "#da8bc3", "#64b5cd", "#ccb974", "#8c8c8c"};

    /** The colour of further series {@code k} (0-based), as "#rrggbb". */
    static String series(int k) {
        return SERIES[k % SERIES.length];
    }

    /** The chip colour of a control token: image brackets in the image colour, one colour per task tag, grey for the rest. */
    static String special(SpecialToken t) {
        return switch (t) {
            case BOI, EOI -> IMAGE;
            case CAPTION -> "#8172b3";
            case ASK, ANSWER -> "#937860";
            case GENERATE -> "#c44e52";
            case EOS, PAD -> "#8c8c8c";
        };
    }

    /** {@code c} as "#rrggbb". */
    static String hex(Color c) {
        return Format.of("#%06x", c.getRGB() & 0xFFFFFF);
    }

    /** Black or white, whichever reads better on {@code background}. */
    static Color textOn(Color background) {
        double luma = 0.299 * background.getRed() + 0.587 * background.getGreen() + 0.114 * background.getBlue();
        return luma > 140 ? Color.BLACK : Color.WHITE;
    }
}
