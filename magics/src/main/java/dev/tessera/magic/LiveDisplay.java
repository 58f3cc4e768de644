package dev.tessera.magic;

/**
 * Where a long-running magic shows its progress: one output that it first shows and then
 * updates in place (the Kotlin kernel's DISPLAY / UPDATE_DISPLAY). Outside a notebook the
 * no-op display is used and only the final result is returned.
 */
public interface LiveDisplay {

    /** Shows {@code value} as a new output named {@code id}. */
    void show(Object value, String id);

    /** Replaces the output named {@code id} with {@code value}. */
    void update(Object value, String id);

    /** A display that shows nothing. */
    static LiveDisplay none() {
        return new LiveDisplay() {
            @Override
            public void show(Object value, String id) {
            }

            @Override
            public void update(Object value, String id) {
            }
        };
    }
}
