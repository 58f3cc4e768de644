package dev.tessera.magic;

/**
 * Entry point for {@code %tessera} lines. CONTRACT STUB: being implemented.
 */
public final class Magics {
    private Magics() {
    }

    /**
     * Runs the text after {@code %tessera}. Never throws for bad input: returns a
     * {@link MagicError} instead. Other results are engine records (e.g. TokenizeResult) or {@link HelpText}.
     */
    public static Object run(String line) {
        if (line.trim().equals("help") || line.isBlank()) {
            return new HelpText("%tessera help\n%tessera tokenize <image path | sample:N> [--size 64]");
        }
        return new MagicError("Unknown command '" + line.trim() + "'.", "Usage: %tessera help");
    }
}
