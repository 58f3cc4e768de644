package dev.tessera.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --name value} options with defaults; an unknown name or a missing value is an error
 * that lists the valid names. Enough for the benchmark drivers, which take a handful of numbers.
 */
final class Flags {

    private final Map<String, String> values;

    private Flags(Map<String, String> values) {
        this.values = values;
    }

    /** {@code args} over {@code defaults} (name without dashes to default value, in help order). */
    static Flags parse(String[] args, Map<String, String> defaults) {
        Map<String, String> v = new LinkedHashMap<>(defaults);
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String name = a.startsWith("--") ? a.substring(2) : null;
            if (name == null || !defaults.containsKey(name)) {
                throw new IllegalArgumentException("unknown option '" + a + "'; valid: " + names(defaults));
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option --" + name + " needs a value (default " + defaults.get(name) + ")");
            }
            v.put(name, args[++i]);
        }
        return new Flags(v);
    }

    private static String names(Map<String, String> defaults) {
        StringBuilder s = new StringBuilder();
        defaults.forEach((k, d) -> s.append(s.length() == 0 ? "" : ", ").append("--").append(k).append(' ').append(d));
        return s.toString();
    }

    String get(String name) {
        return values.get(name);
    }

    int integer(String name) {
        try {
            return Integer.parseInt(values.get(name).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, got '" + values.get(name) + "'");
        }
    }

    /** A comma-separated list of whole numbers, e.g. {@code 1,2}. */
    List<Integer> integers(String name) {
        try {
            return java.util.Arrays.stream(values.get(name).split(",")).map(String::trim).map(Integer::valueOf).toList();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be whole numbers separated by commas, got '"
                    + values.get(name) + "'");
        }
    }
}
