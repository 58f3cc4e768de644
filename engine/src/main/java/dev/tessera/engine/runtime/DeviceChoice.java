package dev.tessera.engine.runtime;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which device the engine computes on: {@code AUTO} takes a GPU when one is visible, else the CPU. */
public enum DeviceChoice {
    AUTO, CPU, GPU;

    /** Parses {@code auto}, {@code cpu} or {@code gpu} (any case); the error lists the valid values. */
    public static DeviceChoice parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown device '" + text + "': use one of "
                    + Arrays.stream(values()).map(v -> v.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", ")));
        }
    }
}
