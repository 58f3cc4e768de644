package dev.tessera.engine.task;

/**
 * One training sequence: the task that wrote it, shared-vocabulary ids and where its target part
 * starts. The loss is taken only on {@code ids[targetStart..]} (the caption, the image, the
 * answer), never on the prompt; {@code ids[..targetStart)} is what the model is given at inference.
 */
public record TaskExample(String task, int[] ids, int targetStart) {

    public TaskExample {
        if (task == null || task.isBlank()) {
            throw new IllegalArgumentException("an example must name the task that wrote it");
        }
        if (targetStart < 1 || targetStart >= ids.length) {
            throw new IllegalArgumentException("task " + task + ": the target must start inside the sequence after at "
                    + "least one prompt id, got " + targetStart + " of " + ids.length);
        }
    }

    public int length() {
        return ids.length;
    }

    /** The ids the model is given: everything before the target. */
    public int[] prompt() {
        return java.util.Arrays.copyOf(ids, targetStart);
    }

    /** The ids the model must write. */
    public int[] target() {
        return java.util.Arrays.copyOfRange(ids, targetStart, ids.length);
    }
}
