package dev.tessera.engine.prompt;

/**
 * Where the first named object lies relative to the second, judged on centres by the axis
 * along which they are further apart: "left of" when the second is further right than it is
 * above or below. Every two objects at distinct centres stand in exactly one relation each way.
 */
public enum Relation {
    LEFT_OF("left of"), RIGHT_OF("right of"), ABOVE("above"), BELOW("below");

    private final String words;

    Relation(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    /** The relation of a centre at ({@code ax}, {@code ay}) to one at ({@code bx}, {@code by}), y pointing down. */
    public static Relation between(double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        if (Math.abs(dx) >= Math.abs(dy)) {
            return dx > 0 ? LEFT_OF : RIGHT_OF;
        }
        return dy > 0 ? ABOVE : BELOW;
    }
}
