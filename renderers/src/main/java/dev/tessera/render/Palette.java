package dev.tessera.render;

import java.awt.Color;

/** Colours for code ids: distinct for neighbouring ids, stable across pictures. */
final class Palette {

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

    /** Black or white, whichever reads better on {@code background}. */
    static Color textOn(Color background) {
        double luma = 0.299 * background.getRed() + 0.587 * background.getGreen() + 0.114 * background.getBlue();
        return luma > 140 ? Color.BLACK : Color.WHITE;
    }
}
