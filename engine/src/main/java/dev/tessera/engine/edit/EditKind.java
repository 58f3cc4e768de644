package dev.tessera.engine.edit;

import java.util.Locale;

/** What an edit instruction asks; edits are judged per kind. */
public enum EditKind {
    /** "make the circle blue": one named object changes colour, nothing else moves. */
    RECOLOUR,
    /** "remove the square": one named object goes, the others stay. */
    REMOVE,
    /** "add a green triangle at the top left": one new object in that 3x3 cell, the others stay. */
    ADD;

    /** Lower-case name ("recolour"). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
