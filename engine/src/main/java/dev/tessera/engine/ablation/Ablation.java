package dev.tessera.engine.ablation;

import dev.tessera.engine.curriculum.Curriculum;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An ablation: arms that are the same curriculum with one setting changed, trained over several
 * seeds.
 *
 * @param name        how it is called ({@code unicode})
 * @param description what is compared and what the paper found
 * @param arms        each arm's curriculum, by arm name, in the order tables list them
 * @param curve       steps (counted across an arm's stages, before its last) after which each run
 *                    is also measured, for accuracy-against-steps curves; empty for none
 */
public record Ablation(String name, String description, Map<String, Curriculum> arms, java.util.List<Integer> curve) {

    public Ablation {
        if (name == null || name.isBlank() || arms == null || arms.size() < 2) {
            throw new IllegalArgumentException("an ablation needs a name and at least two arms, got " + arms);
        }
        arms = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(arms));
        curve = curve == null ? java.util.List.of() : java.util.List.copyOf(new java.util.TreeSet<>(curve));
    }

    /** An ablation measured only at the end of each run. */
    public Ablation(String name, String description, Map<String, Curriculum> arms) {
        this(name, description, arms, java.util.List.of());
    }

    /** Arm {@code armName}, or a clear error listing the arms. */
    public Curriculum arm(String armName) {
        Curriculum c = arms.get(armName);
        if (c == null) {
            throw new IllegalArgumentException("ablation " + name + " has no arm '" + armName + "'; its arms: " + arms.keySet());
        }
        return c;
    }
}
