package dev.tessera.engine.task;

import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneColour;
import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.data.ShapeKind;
import dev.tessera.engine.prompt.PromptCategory;
import dev.tessera.engine.prompt.ScenePrompt;
import dev.tessera.engine.prompt.ScenePrompts;
import dev.tessera.engine.tokenize.TokenGrid;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromptedGenerateTaskTest {

    private static final SceneGenerator SCENES = new SceneGenerator(new SceneConfig(32, 1, 4, 2));
    /** The decompression test vocabulary's grids: 3x3, depth 2, 5 codes. */
    private static final TokenGrid GRID = new TokenGrid(3, 3, 2, IntStream.range(0, 18).map(i -> i % 5).toArray(), 5);

    @Test
    void everyPromptAScenesDescribesIsShownByItAndIsAPromptOfTheGrammar() {
        Set<PromptCategory> seen = new HashSet<>();
        for (int i = 0; i < 600; i++) {
            Scene s = SCENES.scene(i);
            for (ScenePrompt p : ScenePrompts.describing(s)) {
                assertThat(p.satisfiedBy(s)).as("'%s' for %s", p, s.caption()).isTrue();
                assertThat(ScenePrompts.all(p.category(), 4)).contains(p);
                seen.add(p.category());
            }
        }
        // counting needs every object alike: force a few such scenes
        Scene three = SCENES.sceneWith(0, List.of(SceneColour.BLUE, SceneColour.BLUE, SceneColour.BLUE),
                List.of(ShapeKind.SQUARE, ShapeKind.SQUARE, ShapeKind.SQUARE));
        assertThat(ScenePrompts.describing(three)).extracting(ScenePrompt::text).containsExactly("three blue squares");
        seen.add(PromptCategory.COUNTING);
        assertThat(seen).containsExactlyInAnyOrder(PromptCategory.values());
    }

    @Test
    void examplesAreTheGenerateLayoutWithAGrammarPromptTheCaptionOrNone() {
        Scene two = SCENES.sceneWith(3, List.of(SceneColour.RED, SceneColour.GREEN), List.of(ShapeKind.CIRCLE, ShapeKind.TRIANGLE));
        SceneItem item = new SceneItem(two, GRID);
        TaskSequences sequences = new TaskSequences(DecompressTaskTest.VOCAB);
        Set<String> allowed = new HashSet<>(ScenePrompts.describing(two).stream().map(ScenePrompt::text).toList());
        allowed.add(two.caption());
        allowed.add("");
        Set<String> drawn = new HashSet<>();
        SplittableRandom rng = new SplittableRandom(4);
        for (int k = 0; k < 300; k++) {
            TaskExample e = new PromptedGenerateTask(0.1, 0.25).example(sequences, item, rng);
            String prompt = allowed.stream().filter(p -> Arrays.equals(e.ids(), sequences.generate(p, GRID).ids()))
                    .findFirst().orElseThrow(() -> new AssertionError("an example of no allowed prompt"));
            assertThat(e.targetStart()).isEqualTo(sequences.generate(prompt, GRID).targetStart());
            drawn.add(prompt);
        }
        assertThat(drawn).as("every phrasing, the caption and the dropped prompt are drawn").isEqualTo(allowed);
    }

    @Test
    void anItemWithoutItsSceneFallsBackToTheCaption() {
        SceneItem shard = SceneItem.captioned(GRID, "a red circle");
        TaskSequences sequences = new TaskSequences(DecompressTaskTest.VOCAB);
        TaskExample e = new PromptedGenerateTask(0, 0).example(sequences, shard, new SplittableRandom(1));
        assertThat(e.ids()).containsExactly(sequences.generate("a red circle", GRID).ids());
    }

    @Test
    void itIsRegisteredAndShareGenerateTagAndBadSharesAreRefused() {
        assertThat(Tasks.get(PromptedGenerateTask.NAME).tag()).isEqualTo(GenerateTask.TAG);
        assertThatThrownBy(() -> new PromptedGenerateTask(0.1, 1.5)).hasMessageContaining("captionShare must be in [0, 1]");
        assertThatThrownBy(() -> new PromptedGenerateTask(1.0, 0)).hasMessageContaining("promptDropout");
    }
}
