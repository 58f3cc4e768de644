package dev.tessera.engine.ablation;

import dev.tessera.engine.curriculum.Curricula;
import dev.tessera.engine.curriculum.Curriculum;
import dev.tessera.engine.unified.CodebookAlignment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The shipped ablations, by name. */
public final class Ablations {

    /** Names of the shipped ablations. */
    public static final List<String> SHIPPED = List.of("unicode");

    private Ablations() {
    }

    /** The shipped ablation {@code name}, or a clear error listing them. */
    public static Ablation get(String name) {
        if ("unicode".equals(name)) {
            return unicode();
        }
        throw new IllegalArgumentException("no ablation '" + name + "'; shipped: " + SHIPPED);
    }

    /**
     * UniCode's alignment ablation (arXiv 2403.09072): the first stage of the shipped
     * {@code unicode} curriculum with each {@link CodebookAlignment.Mode} that trains the
     * tokenizer (one-way pull, frozen model table, two-way, none), every other setting equal. The
     * paper found the one-way pull best and freezing the table or swapping both ways much worse.
     */
    public static Ablation unicode() {
        Curriculum base = Curricula.get("unicode").upTo("aligned");
        Map<String, Curriculum> arms = new LinkedHashMap<>();
        for (CodebookAlignment.Mode mode : List.of(CodebookAlignment.Mode.ONE_WAY, CodebookAlignment.Mode.FROZEN_LM_TABLE,
                CodebookAlignment.Mode.TWO_WAY, CodebookAlignment.Mode.NONE)) {
            arms.put(mode.id(), base.mapStages(s -> {
                CodebookAlignment a = s.training().alignment();
                return s.withTraining(s.training().withAlignment(new CodebookAlignment(mode, a.every(), a.lambda())));
            }));
        }
        return new Ablation("unicode", "UniCode's language-driven codebook alignment: how the visual codebook and the "
                + "model's image table meet (one-way pull, frozen model table, two-way, none); the paper found one-way best",
                arms);
    }
}
