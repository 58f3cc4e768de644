package dev.tessera.engine.data;

/** Where an object's centre lies on a 3x3 grid over the image, as captions say it. */
public enum Position {
    TOP_LEFT("top left"), TOP("top"), TOP_RIGHT("top right"),
    LEFT("left"), CENTER("center"), RIGHT("right"),
    BOTTOM_LEFT("bottom left"), BOTTOM("bottom"), BOTTOM_RIGHT("bottom right");

    private final String words;

    Position(String words) {
        this.words = words;
    }

    /** The cell of point ({@code x}, {@code y}) in an image of side {@code size}. */
    public static Position of(double x, double y, int size) {
        int col = Math.min(2, (int) (3 * x / size));
        int row = Math.min(2, (int) (3 * y / size));
        return values()[row * 3 + col];
    }

    public String words() {
        return words;
    }
}
