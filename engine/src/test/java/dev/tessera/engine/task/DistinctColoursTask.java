package dev.tessera.engine.task;

import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneObject;
import dev.tessera.engine.vocab.SpecialToken;

import java.util.SplittableRandom;

/**
 * A task none of Tessera's own covers, written as a user would: "how many different colours are
 * there?" answered from the scene's labels, opened by its own new tag {@code <colours>}.
 */
public class DistinctColoursTask implements Task {

    public static final String QUESTION = "how many different colours are there?";

    @Override
    public String name() {
        return "count-colours";
    }

    @Override
    public String tag() {
        return "<colours>";
    }

    @Override
    public TaskExample example(TaskSequences sequences, SceneItem item, SplittableRandom rng) {
        return sequences.start(this).image(item.tokens()).text(QUESTION).control(SpecialToken.ANSWER)
                .target().text(answer(item.scene())).control(SpecialToken.EOS).build();
    }

    /** The exact answer for {@code scene}, as a number word. */
    public static String answer(Scene scene) {
        return Scene.numberWord((int) scene.objects().stream().map(SceneObject::colour).distinct().count());
    }
}
