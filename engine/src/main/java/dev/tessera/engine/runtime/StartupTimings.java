package dev.tessera.engine.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How long the first time of each start-up step took in this process (the tensor engine's
 * start, a shipped checkpoint's load, the first tokenization): what a user waits for in a
 * notebook's first Tessera cell. Each step is recorded once, the first time it runs; the
 * first-cell benchmark ({@code ./tessera bench-first-cell}) reads them from the kernel.
 */
public final class StartupTimings {

    private static final Map<String, Double> FIRST = new LinkedHashMap<>();
    private static final Map<String, Double> MARKS = new LinkedHashMap<>();

    private StartupTimings() {
    }

    /** Records step {@code name} as having started at {@code startNanos} (System.nanoTime) and ended now, unless seen before. */
    public static synchronized void first(String name, long startNanos) {
        FIRST.putIfAbsent(name, (System.nanoTime() - startNanos) / 1e9);
    }

    /**
     * Records the wall-clock moment (seconds since the epoch) that {@code name} first happened, so
     * the first-cell benchmark can place Tessera's steps between the kernel's own message times.
     */
    public static synchronized void mark(String name) {
        MARKS.putIfAbsent(name, System.currentTimeMillis() / 1000.0);
    }

    /** {@link #mark}ed moments as a JSON object of epoch seconds, in the order they happened. */
    public static String marksJson() {
        try {
            synchronized (StartupTimings.class) {
                return new ObjectMapper().writeValueAsString(new LinkedHashMap<>(MARKS));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Seconds of each recorded step, in the order they first ran. */
    public static synchronized Map<String, Double> seconds() {
        return new LinkedHashMap<>(FIRST);
    }

    /** {@link #seconds} as a JSON object. */
    public static String json() {
        try {
            return new ObjectMapper().writeValueAsString(seconds());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
