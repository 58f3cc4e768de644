package dev.tessera.magic;

import dev.tessera.engine.runtime.StartupTimings;

import java.io.UncheckedIOException;

/**
 * The entry point for {@code %tessera} lines: parse, run the one engine call, and turn every
 * failure into a {@link MagicError} that names the problem and shows the usage. It never
 * throws, so a bad line can neither print a stack trace nor bring down the kernel.
 */
public final class Magics {

    private Magics() {
    }

    /**
     * Runs the text after {@code %tessera}. Returns the engine's result record, a
     * {@link HelpText}, or a {@link MagicError}.
     */
    public static Object run(String line) {
        return run(line, LiveDisplay.none());
    }

    /**
     * As {@link #run(String)}, with a live display for commands that report progress while they
     * run (training). The kernel integration passes the cell's display.
     */
    public static Object run(String line, LiveDisplay display) {
        StartupTimings.mark("magic started");
        long started = System.nanoTime();
        Object parsed = parse(line);
        StartupTimings.first("first magic line parsed", started);
        if (!(parsed instanceof Magic magic)) {
            return parsed;
        }
        try {
            Object result = magic.execute(display);
            StartupTimings.first("first magic run (parse included)", started);
            StartupTimings.mark("magic returned");
            return result;
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            return new MagicError(e.getMessage(), magic.usage());
        } catch (RuntimeException | LinkageError e) {
            return new MagicError("Tessera failed unexpectedly (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "). This is a bug; please report the line that caused it.", magic.usage());
        }
    }

    /**
     * Reads the text after {@code %tessera} without running anything: the {@link Magic} request
     * it asks for, every number checked against the engine's caps, or the {@link MagicError} the
     * line gives. {@link #run} starts with it; tests and tools use it to check lines cheaply.
     */
    public static Object parse(String line) {
        try {
            return MagicParser.parse(line);
        } catch (MagicParseException e) {
            return new MagicError(e.getMessage(), e.usage());
        } catch (RuntimeException | LinkageError e) {
            return new MagicError("Tessera failed unexpectedly while reading the line (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + "). This is a bug; please report the line that caused it.",
                    MagicParser.help());
        }
    }
}
