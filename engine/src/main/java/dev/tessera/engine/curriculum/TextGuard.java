package dev.tessera.engine.curriculum;

/**
 * A curriculum's guard on its language model's text skills (TEAL, arXiv 2311.04589: a frozen
 * language model keeps them while the model learns images): the held-out text perplexity
 * ({@link dev.tessera.engine.unified.TextPerplexity}) on passages of Debian's fortunes no stage
 * trains on ({@link #sample spread over all of them}), measured before the first stage and after
 * each one, and flagged when a stage raises it by more than {@code tolerance}.
 *
 * @param passages  held-out passages scored (1..4096)
 * @param tolerance the largest relative rise a stage may cause unflagged, e.g. 0.02
 */
public record TextGuard(int passages, double tolerance) {

    public TextGuard {
        if (passages < 1 || passages > 4096) {
            throw new IllegalArgumentException("a text guard scores 1..4096 held-out passages, got " + passages);
        }
        if (!(tolerance >= 0) || tolerance > 1) {
            throw new IllegalArgumentException("a text guard's tolerance is a relative rise in [0, 1], got " + tolerance);
        }
    }

    /**
     * The {@code passages} the guard scores out of {@code heldOut}: evenly spaced over all of it (the
     * held-out fortunes run file by file, so the first few hundred would be one file's kind of
     * text), in their order; all of them when there are no more than {@code passages}.
     */
    public java.util.List<String> sample(java.util.List<String> heldOut) {
        if (heldOut.size() <= passages) {
            return java.util.List.copyOf(heldOut);
        }
        java.util.List<String> out = new java.util.ArrayList<>(passages);
        for (int i = 0; i < passages; i++) {
            out.add(heldOut.get((int) ((long) i * heldOut.size() / passages)));
        }
        return out;
    }

    /** 256 passages, 2%: the teal curriculum's. */
    public static TextGuard teal() {
        return new TextGuard(256, 0.02);
    }
}
