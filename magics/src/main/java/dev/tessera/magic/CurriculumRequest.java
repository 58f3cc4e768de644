package dev.tessera.magic;

import dev.tessera.engine.curriculum.Curricula;

/**
 * {@code %tessera curriculum <name or JSON file>}: the curriculum itself (drawn as a table of
 * its stages and a timeline); one call of {@link Curricula#get}.
 */
public record CurriculumRequest(String name) implements Magic {

    @Override
    public Object execute() {
        return Curricula.get(name);
    }

    @Override
    public String usage() {
        return MagicParser.usageFor("curriculum");
    }
}
