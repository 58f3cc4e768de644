package dev.tessera.magic;

import dev.tessera.engine.curriculum.Curricula;

/**
 * {@code %tessera curriculum <name or JSON file>}: the curriculum itself (drawn as a table of
 * its stages and a timeline); one call of {@link Curricula#get}.
 */
public record CurriculumRequest(String name) implements Magic {

    static final String USAGE = "Usage: %tessera curriculum <name or JSON file>\n"
            + "  shows a curriculum's stages: what each trains, on which tasks, for how long; shipped: "
            + String.join(", ", Curricula.SHIPPED);

    @Override
    public Object execute() {
        return Curricula.get(name);
    }

    @Override
    public String usage() {
        return USAGE;
    }
}
