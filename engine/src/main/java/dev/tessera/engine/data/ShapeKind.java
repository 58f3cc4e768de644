package dev.tessera.engine.data;

import java.util.Locale;

/** The shapes a synthetic scene can hold. */
public enum ShapeKind {
    CIRCLE, SQUARE, TRIANGLE;

    /** Lower-case name as used in captions ("circle"). */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
