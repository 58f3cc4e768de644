package dev.tessera.engine.data;

import java.util.Locale;

/**
 * Object colours of synthetic scenes. The RGB values are far apart so that a colour is
 * unambiguous after tokenization, which keeps labels exact.
 */
public enum SceneColour {
    RED(230, 40, 40), GREEN(40, 200, 60), BLUE(50, 90, 235), YELLOW(240, 220, 40),
    PURPLE(160, 60, 210), ORANGE(250, 140, 20), CYAN(40, 220, 230);

    private final int r;
    private final int g;
    private final int b;

    SceneColour(int r, int g, int b) {
        this.r = r;
        this.g = g;
        this.b = b;
    }

    /** Packed 0xRRGGBB. */
    public int rgb() {
        return (r << 16) | (g << 8) | b;
    }

    /** Lower-case name as used in captions ("red"). */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
