package dev.tessera.engine.prompt;

import dev.tessera.engine.data.Position;
import dev.tessera.engine.data.SceneColour;
import dev.tessera.engine.data.ShapeKind;
import dev.tessera.engine.judge.JudgeVerdict;
import dev.tessera.engine.judge.JudgedObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AssessmentTest {

    private static JudgedObject at(SceneColour c, ShapeKind s, double x, double y) {
        return new JudgedObject(c, s, x, y, Position.of(x, y, 32), 0.9, 0.9, 0.9);
    }

    private static JudgeVerdict seen(JudgedObject... objects) {
        return new JudgeVerdict(List.of(objects));
    }

    private static ScenePrompt prompt(PromptCategory category, String text) {
        return ScenePrompts.all(category, 4).stream().filter(p -> p.text().equals(text)).findFirst().orElseThrow();
    }

    @Test
    void anAlignedImageIsAYesWithWhatItShows() {
        Assessment a = Assessment.of(prompt(PromptCategory.COLOUR_ATTRIBUTION, "a red circle and a blue square"),
                seen(at(SceneColour.RED, ShapeKind.CIRCLE, 8, 16), at(SceneColour.BLUE, ShapeKind.SQUARE, 24, 16)));
        assertThat(a.aligned()).isTrue();
        assertThat(List.of(a.count(), a.objects(), a.colours(), a.position())).containsOnly(true);
        assertThat(a.rationale()).isEqualTo("yes, it shows a red circle and a blue square");
    }

    @Test
    void eachWrongAspectIsNamed() {
        ScenePrompt two = prompt(PromptCategory.COLOUR_ATTRIBUTION, "a red circle and a blue square");
        Assessment swapped = Assessment.of(two,
                seen(at(SceneColour.BLUE, ShapeKind.CIRCLE, 8, 16), at(SceneColour.RED, ShapeKind.SQUARE, 24, 16)));
        assertThat(swapped.aligned()).isFalse();
        assertThat(swapped.count()).isTrue();
        assertThat(swapped.objects()).isTrue();
        assertThat(swapped.colours()).isFalse();
        assertThat(swapped.rationale()).isEqualTo("no, it shows a blue circle and a red square: a colour is wrong");

        Assessment extra = Assessment.of(two, seen(at(SceneColour.RED, ShapeKind.CIRCLE, 8, 16),
                at(SceneColour.BLUE, ShapeKind.SQUARE, 24, 16), at(SceneColour.BLUE, ShapeKind.SQUARE, 16, 28)));
        assertThat(extra.rationale()).endsWith(": too many objects");
        assertThat(extra.objects() && extra.colours()).isTrue();

        Assessment shape = Assessment.of(two, seen(at(SceneColour.RED, ShapeKind.CIRCLE, 8, 16)));
        assertThat(shape.rationale()).endsWith(": too few objects, a shape is wrong");

        ScenePrompt left = prompt(PromptCategory.POSITION, "a red circle left of a blue square");
        Assessment flipped = Assessment.of(left,
                seen(at(SceneColour.BLUE, ShapeKind.SQUARE, 6, 16), at(SceneColour.RED, ShapeKind.CIRCLE, 26, 16)));
        assertThat(flipped.position()).isFalse();
        assertThat(flipped.rationale()).endsWith(": the position is wrong");
        Assessment wrongObjects = Assessment.of(left,
                seen(at(SceneColour.BLUE, ShapeKind.SQUARE, 6, 16), at(SceneColour.RED, ShapeKind.TRIANGLE, 26, 16)));
        assertThat(wrongObjects.position()).as("with the wrong objects the relation cannot be told").isTrue();
        assertThat(Assessment.of(prompt(PromptCategory.SINGLE_OBJECT, "a circle"), seen()).rationale())
                .isEqualTo("no, it shows nothing: too few objects, a shape is wrong");
    }

    @Test
    void theAspectsAgreeWithAlignmentAndEveryRationaleUsesOnlyItsWords() {
        List<ScenePrompt> prompts = new ArrayList<>();
        for (PromptCategory c : PromptCategory.values()) {
            prompts.addAll(ScenePrompts.sample(c, 6, 4, 3));
        }
        SceneColour[] colours = SceneColour.values();
        ShapeKind[] shapes = ShapeKind.values();
        java.util.SplittableRandom rng = new java.util.SplittableRandom(7);
        java.util.Set<String> words = Assessment.words();
        for (int k = 0; k < 2000; k++) {
            ScenePrompt p = prompts.get(rng.nextInt(prompts.size()));
            List<JudgedObject> objects = new ArrayList<>();
            int n = rng.nextInt(5);
            for (int i = 0; i < n; i++) {
                objects.add(at(colours[rng.nextInt(3)], shapes[rng.nextInt(shapes.length)], 4 + 24 * rng.nextDouble(),
                        4 + 24 * rng.nextDouble()));
            }
            Assessment a = Assessment.of(p, new JudgeVerdict(objects));
            assertThat(a.aligned()).as("%s on %s", p, a.seen())
                    .isEqualTo(a.count() && a.objects() && a.colours() && a.position());
            assertThat(a.rationale()).startsWith(a.aligned() ? "yes, it shows " : "no, it shows ");
            for (String w : a.rationale().split("[^a-z]+")) {
                if (!w.isEmpty()) {
                    assertThat(words).as("'%s' in '%s'", w, a.rationale()).contains(w);
                }
            }
        }
    }
}
