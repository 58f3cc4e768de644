package dev.tessera.engine.task;

import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.data.SceneColour;
import dev.tessera.engine.data.SceneObject;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class SceneQuestionsTest {

    @Test
    void answersFollowTheLabels() {
        SceneGenerator g = new SceneGenerator(SceneConfig.scenes32(9).withObjects(1, 3));
        for (int i = 0; i < 200; i++) {
            Scene s = g.scene(i);
            for (SceneQuestion q : SceneQuestions.all(s)) {
                switch (q.template()) {
                    case "count" -> assertThat(q.answer()).isEqualTo(Scene.numberWord(s.count()));
                    case "colour-of-shape" -> {
                        List<SceneObject> hits = s.objects().stream()
                                .filter(o -> q.question().endsWith(" " + o.shape().word() + "?")).toList();
                        assertThat(hits).hasSize(1);
                        assertThat(q.answer()).isEqualTo(hits.get(0).colour().word());
                    }
                    case "presence" -> {
                        boolean present = s.objects().stream().anyMatch(o ->
                                q.question().equals("is there " + (o.colour() == SceneColour.ORANGE ? "an " : "a ")
                                        + o.colour().word() + " " + o.shape().word() + "?"));
                        assertThat(q.answer()).isEqualTo(present ? "yes" : "no");
                    }
                    default -> assertThat(q.answer()).isNotBlank();
                }
            }
        }
    }

    @Test
    void drawingCoversEveryTemplateAndBothPresenceAnswers() {
        SceneGenerator g = new SceneGenerator(SceneConfig.scenes32(2).withObjects(1, 3));
        SplittableRandom rng = new SplittableRandom(1);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 400; i++) {
            SceneQuestion q = SceneQuestions.draw(g.scene(i), rng);
            seen.add(q.template().equals("presence") ? "presence-" + q.answer() : q.template());
        }
        assertThat(seen).contains("count", "count-colour", "count-shape", "colour-of-shape", "shape-of-colour", "position",
                "presence-yes", "presence-no");
    }
}
