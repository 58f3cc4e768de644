package dev.tessera.engine.prompt;

import dev.tessera.engine.data.Position;
import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneColour;
import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.data.ShapeKind;
import dev.tessera.engine.judge.JudgeVerdict;
import dev.tessera.engine.judge.JudgedObject;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScenePromptsTest {

    private static final SceneGenerator HELD_OUT = new SceneGenerator(new SceneConfig(32, 1, 4, SceneConfig.HELD_OUT_SEED));

    private static ScenePrompt find(PromptCategory c, String text) {
        return ScenePrompts.all(c, 4).stream().filter(p -> p.text().equals(text)).findFirst().orElseThrow();
    }

    private static JudgedObject seen(SceneColour c, ShapeKind s, double x, double y) {
        return new JudgedObject(c, s, x, y, Position.of(x, y, 32), 1, 1, 1);
    }

    @Test
    void everyCategoryHasItsKnownNumberOfDistinctPrompts() {
        assertThat(ScenePrompts.all(PromptCategory.SINGLE_OBJECT, 3)).hasSize(3);
        assertThat(ScenePrompts.all(PromptCategory.TWO_OBJECTS, 3)).hasSize(6);
        assertThat(ScenePrompts.all(PromptCategory.COUNTING, 3)).hasSize(2 * 21);
        assertThat(ScenePrompts.all(PromptCategory.COUNTING, 4)).hasSize(3 * 21);
        assertThat(ScenePrompts.all(PromptCategory.COLOURS, 3)).hasSize(21);
        assertThat(ScenePrompts.all(PromptCategory.COLOUR_ATTRIBUTION, 3)).hasSize(7 * 3 * 6 * 2);
        assertThat(ScenePrompts.all(PromptCategory.POSITION, 3)).hasSize(7 * 3 * 6 * 2 * 4);
        for (PromptCategory c : PromptCategory.values()) {
            List<ScenePrompt> all = ScenePrompts.all(c, 4);
            assertThat(new HashSet<>(all.stream().map(ScenePrompt::text).toList())).hasSameSizeAs(all);
            assertThat(all).allSatisfy(p -> assertThat(p.category()).isEqualTo(c));
        }
    }

    @Test
    void promptsReadAsTheGrammarWritesThem() {
        assertThat(find(PromptCategory.SINGLE_OBJECT, "a circle").objects()).containsExactly(new WantedObject(null, ShapeKind.CIRCLE));
        assertThat(find(PromptCategory.COUNTING, "three blue squares").objects()).hasSize(3);
        assertThat(find(PromptCategory.COLOURS, "an orange triangle").objects())
                .containsExactly(new WantedObject(SceneColour.ORANGE, ShapeKind.TRIANGLE));
        assertThat(find(PromptCategory.POSITION, "a red circle left of a green triangle").relation()).isEqualTo(Relation.LEFT_OF);
        assertThat(find(PromptCategory.TWO_OBJECTS, "a circle and a square").relation()).isNull();
    }

    @Test
    void realScenesDrawnForEveryPromptShowItByTheirLabels() {
        long from = 0;
        for (PromptCategory c : PromptCategory.values()) {
            for (ScenePrompt p : ScenePrompts.sample(c, 12, 4, 3)) {
                List<Scene> scenes = ScenePrompts.realScenes(p, HELD_OUT, from, 3);
                from += 10_000;
                assertThat(scenes).hasSize(3).allSatisfy(s -> {
                    assertThat(p.satisfiedBy(s)).as("%s for '%s'", s.caption(), p).isTrue();
                    assertThat(s.count()).isEqualTo(p.objects().size());
                });
                if (c == PromptCategory.COLOURS || c == PromptCategory.COUNTING || c == PromptCategory.COLOUR_ATTRIBUTION) {
                    // every object named: the scene's own caption says the same, in its reading order
                    assertThat(new HashSet<>(List.of(scenes.get(0).caption().split(" and |, ")))).isEqualTo(
                            new HashSet<>(List.of(p.text().split(" and "))));
                }
            }
        }
        // the same call draws the same scenes
        ScenePrompt p = find(PromptCategory.POSITION, "a red circle above a green triangle");
        assertThat(ScenePrompts.realScenes(p, HELD_OUT, 5, 2).get(1).image())
                .isEqualTo(ScenePrompts.realScenes(p, HELD_OUT, 5, 2).get(1).image());
    }

    @Test
    void realNearMissesNeverShowTheirPromptByTheirLabels() {
        long from = 0;
        for (PromptCategory c : PromptCategory.values()) {
            for (ScenePrompt p : ScenePrompts.sample(c, 10, 4, 5)) {
                ScenePrompt miss = ScenePrompts.nearMiss(p);
                assertThat(miss.category()).isEqualTo(c);
                for (Scene s : ScenePrompts.realScenes(miss, HELD_OUT, from, 2)) {
                    assertThat(p.satisfiedBy(s)).as("near miss %s of '%s'", s.caption(), p).isFalse();
                    assertThat(miss.satisfiedBy(s)).isTrue();
                }
                from += 10_000;
            }
        }
        ScenePrompt swapped = ScenePrompts.nearMiss(find(PromptCategory.COLOUR_ATTRIBUTION, "a red circle and a blue square"));
        assertThat(swapped.objects()).containsExactly(new WantedObject(SceneColour.BLUE, ShapeKind.CIRCLE),
                new WantedObject(SceneColour.RED, ShapeKind.SQUARE));
        assertThat(ScenePrompts.nearMiss(find(PromptCategory.POSITION, "a red circle left of a green triangle")).relation())
                .isEqualTo(Relation.RIGHT_OF);
        assertThat(ScenePrompts.nearMiss(find(PromptCategory.COUNTING, "four blue squares")).objects()).hasSize(3);
    }

    @Test
    void objectsRightIgnoresOnlyTheRelation() {
        ScenePrompt left = find(PromptCategory.POSITION, "a red circle left of a green triangle");
        JudgeVerdict reversed = new JudgeVerdict(List.of(seen(SceneColour.RED, ShapeKind.CIRCLE, 26, 14),
                seen(SceneColour.GREEN, ShapeKind.TRIANGLE, 6, 14)));
        assertThat(left.satisfiedBy(reversed)).isFalse();
        assertThat(left.objectsRight(reversed)).isTrue();
        assertThat(left.objectsRight(new JudgeVerdict(List.of(seen(SceneColour.RED, ShapeKind.CIRCLE, 26, 14))))).isFalse();
    }

    @Test
    void twoTrianglesAreNotAYellowTriangle() {
        ScenePrompt p = find(PromptCategory.COLOURS, "a yellow triangle");
        assertThat(p.satisfiedBy(new JudgeVerdict(List.of(seen(SceneColour.YELLOW, ShapeKind.TRIANGLE, 8, 8))))).isTrue();
        assertThat(p.satisfiedBy(new JudgeVerdict(List.of(seen(SceneColour.YELLOW, ShapeKind.TRIANGLE, 8, 8),
                seen(SceneColour.YELLOW, ShapeKind.TRIANGLE, 24, 24))))).isFalse();
        assertThat(p.satisfiedBy(new JudgeVerdict(List.of()))).isFalse();
        assertThat(p.satisfiedBy(new JudgeVerdict(List.of(seen(SceneColour.ORANGE, ShapeKind.TRIANGLE, 8, 8))))).isFalse();
    }

    @Test
    void coloursMustSitOnTheirOwnShapes() {
        ScenePrompt p = find(PromptCategory.COLOUR_ATTRIBUTION, "a red circle and a blue square");
        assertThat(p.satisfiedBy(new JudgeVerdict(List.of(seen(SceneColour.BLUE, ShapeKind.SQUARE, 5, 5),
                seen(SceneColour.RED, ShapeKind.CIRCLE, 25, 25))))).as("any order").isTrue();
        assertThat(p.satisfiedBy(new JudgeVerdict(List.of(seen(SceneColour.RED, ShapeKind.SQUARE, 5, 5),
                seen(SceneColour.BLUE, ShapeKind.CIRCLE, 25, 25))))).as("swapped colours").isFalse();
        ScenePrompt any = find(PromptCategory.TWO_OBJECTS, "a circle and a square");
        assertThat(any.satisfiedBy(new JudgeVerdict(List.of(seen(SceneColour.RED, ShapeKind.SQUARE, 5, 5),
                seen(SceneColour.RED, ShapeKind.CIRCLE, 25, 25))))).as("colours left open").isTrue();
    }

    @Test
    void relationsFollowTheAxisAlongWhichObjectsAreFurtherApart() {
        ScenePrompt left = find(PromptCategory.POSITION, "a red circle left of a green triangle");
        JudgedObject circle = seen(SceneColour.RED, ShapeKind.CIRCLE, 6, 14);
        assertThat(left.satisfiedBy(new JudgeVerdict(List.of(circle, seen(SceneColour.GREEN, ShapeKind.TRIANGLE, 26, 20)))))
                .isTrue();
        // further below than to the right: "above", not "left of"
        assertThat(left.satisfiedBy(new JudgeVerdict(List.of(circle, seen(SceneColour.GREEN, ShapeKind.TRIANGLE, 12, 30)))))
                .isFalse();
        assertThat(find(PromptCategory.POSITION, "a red circle above a green triangle").satisfiedBy(new JudgeVerdict(
                List.of(circle, seen(SceneColour.GREEN, ShapeKind.TRIANGLE, 12, 30))))).isTrue();
        assertThat(Relation.between(0, 0, 5, 1)).isEqualTo(Relation.LEFT_OF);
        assertThat(Relation.between(5, 1, 0, 0)).isEqualTo(Relation.RIGHT_OF);
        assertThat(Relation.between(0, 0, 1, 5)).isEqualTo(Relation.ABOVE);
        assertThat(Relation.between(1, 5, 0, 0)).isEqualTo(Relation.BELOW);
    }

    @Test
    void samplesAreFixedBySeedAndGoRoundSmallCategories() {
        List<ScenePrompt> a = ScenePrompts.sample(PromptCategory.SINGLE_OBJECT, 7, 3, 1);
        assertThat(a).hasSize(7);
        assertThat(new HashSet<>(a.subList(0, 3))).hasSize(3);
        assertThat(a.get(3)).isEqualTo(a.get(0));
        assertThat(ScenePrompts.sample(PromptCategory.POSITION, 5, 3, 1)).isEqualTo(ScenePrompts.sample(PromptCategory.POSITION, 5, 3, 1))
                .isNotEqualTo(ScenePrompts.sample(PromptCategory.POSITION, 5, 3, 2));
    }

    @Test
    void badRequestsNameTheFix() {
        assertThatThrownBy(() -> ScenePrompts.all(PromptCategory.COUNTING, 1)).hasMessageContaining("maxObjects must be 2..4");
        assertThatThrownBy(() -> PromptCategory.parse("colour")).hasMessageContaining("colour-attribution");
        assertThat(PromptCategory.parse("two-objects")).isEqualTo(PromptCategory.TWO_OBJECTS);
        assertThatThrownBy(() -> new ScenePrompt(PromptCategory.COLOURS, "x", List.of(new WantedObject(null, ShapeKind.CIRCLE)),
                Relation.ABOVE)).hasMessageContaining("position prompts");
    }
}
