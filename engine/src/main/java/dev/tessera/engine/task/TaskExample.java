package dev.tessera.engine.task;

/**
 * One training sequence: shared-vocabulary ids and where its target part starts. The loss is
 * taken only on {@code ids[targetStart..]} (the caption, the image, or the answer), never on
 * the prompt.
 */
public record TaskExample(TaskKind kind, int[] ids, int targetStart) {

    public TaskExample {
        if (targetStart < 1 || targetStart >= ids.length) {
            throw new IllegalArgumentException("target must start inside the sequence after at least one prompt id, got "
                    + targetStart + " of " + ids.length);
        }
    }

    public int length() {
        return ids.length;
    }
}
