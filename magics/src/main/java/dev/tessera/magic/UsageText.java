package dev.tessera.magic;

import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The usage a magic shows with its errors and in {@code %tessera help}, drawn from the picocli
 * model of its command: a synopsis line, then one row per parameter and option with its
 * description (where {@code ${DEFAULT-VALUE}} and {@code ${COMPLETION-CANDIDATES}} are already
 * filled in). An option's name, default and description are thus written once, in its
 * annotation. The key=value settings of the train magics use the same rows.
 */
final class UsageText {

    /** Widest line, so that a usage reads without scrolling in a notebook cell. */
    static final int WIDTH = 100;

    /** Longest label the text column makes room for; a longer one has its text follow it on its line. */
    private static final int LABEL = 24;

    /** A usage depends only on annotations and engine constants: drawn once per command class. */
    private static final Map<Class<?>, String> DRAWN = new ConcurrentHashMap<>();

    /** One row: what to write ({@code --n N}, {@code steps=N}) and what it does. */
    record Row(String label, String text) {
    }

    private UsageText() {
    }

    /** The usage of the picocli command object {@code args}: {@code Usage: %tessera <name> ...} and its rows. */
    static String of(Object args) {
        return DRAWN.computeIfAbsent(args.getClass(), c -> of(CommandSpec.forAnnotatedObject(args)));
    }

    private static String of(CommandSpec spec) {
        List<String> synopsis = new ArrayList<>(List.of("%tessera", spec.name()));
        List<Row> rows = new ArrayList<>();
        for (PositionalParamSpec p : spec.positionalParameters()) {
            String word = p.paramLabel() + (p.arity().max() > 1 ? "..." : "");
            synopsis.add(p.required() ? word : "[" + word + "]");
            rows.add(new Row(p.paramLabel(), description(p)));
        }
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) {
                continue;
            }
            String value = o.arity().max() > 0 ? " " + o.paramLabel() : "";
            synopsis.add(o.required() ? o.longestName() + value : "[" + o.longestName() + value + "]");
            rows.add(new Row(String.join(", ", o.names()) + value, description(o)));
        }
        return usage(synopsis, rows);
    }

    /** {@code Usage: <synopsis>} and the rows, their texts in one column, every line wrapped at {@link #WIDTH}. */
    static String usage(String synopsis, List<Row> rows) {
        return usage(List.of(synopsis.split(" ")), rows);
    }

    private static String usage(List<String> synopsis, List<Row> rows) {
        StringBuilder sb = new StringBuilder(wrap("Usage: ", synopsis, "Usage: %tessera ".length()));
        int column = 2 + Math.min(LABEL, rows.stream().mapToInt(r -> r.label().length()).max().orElse(0)) + 2;
        for (Row r : rows) {
            String head = "  " + r.label() + "  ";
            head += " ".repeat(Math.max(0, column - head.length()));
            sb.append('\n').append(wrap(head, List.of(r.text().split(" ")), column));
        }
        return sb.toString();
    }

    private static String description(ArgSpec arg) {
        return String.join(" ", arg.description());
    }

    /**
     * {@code head} and the words after it, a blank between two words, broken between words
     * before {@link #WIDTH} (a word wider than a line stays whole), each further line indented
     * by {@code indent}.
     */
    private static String wrap(String head, List<String> words, int indent) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder(head);
        boolean empty = true;  // no word on this line yet
        for (String word : words) {
            if (!empty && line.length() + 1 + word.length() > WIDTH) {
                out.append(line).append('\n');
                line = new StringBuilder(" ".repeat(indent));
                empty = true;
            }
            line.append(empty ? "" : " ").append(word);
            empty = false;
        }
        return out.append(line).toString();
    }
}
