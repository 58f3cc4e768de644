package dev.tessera.engine.lm;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which weights of a {@link UnifiedTransformer} a training stage updates, named by group or by
 * pattern. TEAL (arXiv 2311.04589) trains a frozen language model's projections first, then its
 * image embedding, output matrices, biases and norm gains; UniCode's Stage II freezes the image
 * tokenizer. Groups:
 * <ul>
 *   <li>{@code text-embedding}: the special-and-text rows ({@code embed.text}, also the text
 *       output matrix: they are tied);</li>
 *   <li>{@code image-embedding}: the image rows ({@code embed.image} or UniCode's {@code embed.codebook});</li>
 *   <li>{@code projections}: {@code embed.imageIn}, {@code embed.codeProjection};</li>
 *   <li>{@code positions}: {@code embed.position};</li>
 *   <li>{@code blocks}: every weight of the transformer blocks;</li>
 *   <li>{@code biases-and-norms}: every bias and layer-norm gain and shift;</li>
 *   <li>{@code output}: the image output matrix {@code head.image} (text output is tied to {@code embed.text});</li>
 *   <li>{@code depth}: a stacked model's depth transformer ({@code depth.*}, {@link DepthDecoder});</li>
 *   <li>{@code all}: everything.</li>
 * </ul>
 * Any other entry is a glob over weight names, e.g. {@code block3.*}. An empty list means the
 * model's own choice (everything it was built to learn). A weight the model was built frozen (a
 * frozen text table, a codebook of another width) stays frozen whatever a stage names.
 */
public final class ParameterGroups {

    /** The group names, in the order above. */
    public static final List<String> GROUPS = List.of("text-embedding", "image-embedding", "projections", "positions",
            "blocks", "biases-and-norms", "output", "depth", "all");

    private ParameterGroups() {
    }

    /**
     * The names of {@code names} that {@code selection} picks; an entry that picks none, or a
     * selection that picks nothing, is refused with the fix.
     */
    public static List<String> select(List<String> names, List<String> selection) {
        if (selection == null || selection.isEmpty()) {
            return List.copyOf(names);
        }
        Set<String> picked = new LinkedHashSet<>();
        for (String entry : selection) {
            Predicate<String> p = predicate(entry);
            List<String> hit = names.stream().filter(p).toList();
            if (hit.isEmpty()) {
                throw new IllegalArgumentException("'" + entry + "' names no weight of this model; use a group " + GROUPS
                        + " or a glob over the weight names, e.g. block0.* (the model has " + names.size() + " weights: "
                        + names.subList(0, Math.min(6, names.size())) + " ...)");
            }
            picked.addAll(hit);
        }
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (picked.contains(n)) {
                out.add(n);
            }
        }
        return out;
    }

    /**
     * The weights that learn under {@code selection}: those it picks among the ones the model was
     * built to learn ({@code own}), in model order. A selection that leaves nothing to learn is
     * refused ("frozen everything").
     */
    public static List<String> learning(List<String> names, Map<String, Boolean> own, List<String> selection) {
        Set<String> picked = new LinkedHashSet<>(select(names, selection));
        List<String> training = new ArrayList<>();
        for (String n : names) {
            if (own.getOrDefault(n, false) && picked.contains(n)) {
                training.add(n);
            }
        }
        if (training.isEmpty()) {
            throw new IllegalArgumentException("training " + (selection == null || selection.isEmpty() ? "everything"
                    : selection) + " leaves no weight to learn on this model (weights it was built to keep fixed stay "
                    + "fixed); name a group that learns");
        }
        return training;
    }

    /** Makes exactly the weights {@link #learning} picks trainable, freezing the rest; their names. */
    public static List<String> apply(ParameterSet params, Map<String, Boolean> own, List<String> selection) {
        List<String> training = learning(params.names(), own, selection);
        Set<String> learn = new HashSet<>(training);
        for (String n : params.names()) {
            if (params.isTrainable(n) != learn.contains(n)) {
                params.setTrainable(n, learn.contains(n));
            }
        }
        return training;
    }

    /** Each weight's trainable flag now: what {@link #apply} restores with an empty selection. */
    public static Map<String, Boolean> flags(ParameterSet params) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (String n : params.names()) {
            out.put(n, params.isTrainable(n));
        }
        return out;
    }

    private static Predicate<String> predicate(String entry) {
        return switch (entry) {
            case "text-embedding" -> n -> n.equals("embed.text");
            case "image-embedding" -> n -> n.equals("embed.image") || n.equals("embed.codebook");
            case "projections" -> n -> n.equals("embed.imageIn") || n.equals("embed.codeProjection");
            case "positions" -> n -> n.equals("embed.position");
            case "blocks" -> n -> n.startsWith("block");
            case "biases-and-norms" -> n -> n.endsWith(".bias") || n.endsWith(".beta") || n.endsWith(".gamma");
            case "output" -> n -> n.equals("head.image");
            case "depth" -> n -> n.startsWith("depth.");
            case "all" -> n -> true;
            default -> {
                if (entry.isBlank() || entry.contains("/")) {
                    throw new IllegalArgumentException("'" + entry + "' is neither a group " + GROUPS
                            + " nor a glob over weight names such as block0.*");
                }
                PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + entry);
                yield n -> m.matches(Path.of(n));
            }
        };
    }
}
