package dev.tessera.engine.cli;

/**
 * The {@code --log-every} option of the training commands, checked before training starts: a
 * zero interval would divide by zero at the first step, a negative one would print nothing.
 */
final class LogEvery {

    private LogEvery() {
    }

    /** Returns {@code steps} when it is >= 1; otherwise refuses it, naming the fix. */
    static int check(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("--log-every must be a number of steps >= 1, got " + steps
                    + "; e.g. --log-every 25");
        }
        return steps;
    }
}
