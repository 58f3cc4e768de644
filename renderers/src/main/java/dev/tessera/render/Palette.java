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

    /** Black or white, whichever reads better on {@code background}. */
    static Color textOn(Color background) {
        double luma = 0.299 * background.getRed() + 0.587 * background.getGreen() + 0.114 * background.getBlue();
        return luma > 140 ? Color.BLACK : Color.WHITE;
    }
}
