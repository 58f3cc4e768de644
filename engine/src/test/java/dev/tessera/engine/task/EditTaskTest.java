package dev.tessera.engine.task;

import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.edit.EditKind;
import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.tokenize.TokenGrid;
import dev.tessera.engine.vocab.SpecialToken;
import dev.tessera.engine.vocab.VocabularyLayout;
import dev.tessera.engine.vocab.SharedVocabulary;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EditTaskTest {

    private static final VocabularyLayout LAYOUT = new VocabularyLayout(DecompressTaskTest.TEXT.vocabSize(), 2, 5)
            .withTaskTags(List.of(EditTask.TAG, RegenerateTask.TAG));
    private static final SharedVocabulary VOCAB = new SharedVocabulary(LAYOUT, DecompressTaskTest.TEXT, 3, 3);
    private static final SceneGenerator SCENES = new SceneGenerator(new SceneConfig(32, 1, 3, 9));

    /** A grid that names its picture: every id is the sum of the picture's first pixels, mod 5. */
    private static TokenGrid gridOf(RgbImage image) {
        int h = Math.floorMod(Arrays.hashCode(image.pixels()), 5);
        return new TokenGrid(3, 3, 2, IntStream.range(0, 18).map(i -> (i + h) % 5).toArray(), 5);
    }

    private static final Function<List<RgbImage>, List<TokenGrid>> ENCODE =
            pictures -> pictures.stream().map(EditTaskTest::gridOf).toList();

    private static List<SceneItem> items(int from, int n, boolean edits) {
        List<Scene> scenes = SCENES.scenes(from, n);
        return SceneItems.of(scenes, ENCODE.apply(scenes.stream().map(Scene::image).toList()), edits, SCENES, ENCODE);
    }

    @Test
    void anEditIsTheInstructionTheImageThenTheEditedImagesIdsAsTheTarget() {
        TaskSequences sequences = new TaskSequences(VOCAB);
        Set<EditKind> kinds = EnumSet.noneOf(EditKind.class);
        for (SceneItem item : items(0, 60, true)) {
            assertThat(item.hasEdit()).isTrue();
            EditedImage e = item.edited();
            kinds.add(e.edit().kind());
            assertThat(e.tokens()).isEqualTo(gridOf(e.edit().after().image()));
            TaskExample ex = new EditTask().example(sequences, item, new SplittableRandom(1));
            int[] before = VOCAB.encodeImage(item.tokens());
            int[] after = VOCAB.encodeImage(e.tokens());
            int[] instruction = VOCAB.encodeText(e.edit().instruction());
            int[] want = TaskSequences.concat(new int[] {LAYOUT.tagId(EditTask.TAG)}, instruction,
                    new int[] {LAYOUT.id(SpecialToken.BOI)}, before, new int[] {LAYOUT.id(SpecialToken.EOI),
                        LAYOUT.id(SpecialToken.BOI)}, after, new int[] {LAYOUT.id(SpecialToken.EOI)});
            int start = want.length - after.length - 1;
            assertThat(start - (1 + instruction.length + 1)).as("an edited position sits a fixed distance after its input")
                    .isEqualTo(before.length + 2);
            assertThat(ex.ids()).containsExactly(want);
            assertThat(ex.target()).as("the loss is on the edited image only")
                    .containsExactly(Arrays.copyOfRange(want, want.length - after.length - 1, want.length));
            assertThat(new EditTask().prompt(sequences, item.grid(), e.edit().instruction())).containsExactly(ex.prompt());
        }
        assertThat(kinds).as("every kind is drawn").containsExactlyInAnyOrder(EditKind.values());
    }

    @Test
    void editsArePureFunctionsOfTheSceneAndNeverChangeTheScenesOwnGrids() {
        List<SceneItem> once = items(100, 20, true);
        List<SceneItem> again = items(100, 20, true);
        List<SceneItem> without = items(100, 20, false);
        for (int i = 0; i < once.size(); i++) {
            assertThat(once.get(i).edited().edit().instruction()).isEqualTo(again.get(i).edited().edit().instruction());
            assertThat(once.get(i).tokens()).isEqualTo(without.get(i).tokens());
            assertThat(without.get(i).hasEdit()).isFalse();
        }
        // a scene's edit does not depend on the batch it is drawn in
        assertThat(items(105, 3, true).get(0).edited().edit().instruction())
                .isEqualTo(once.get(5).edited().edit().instruction());
        assertThatThrownBy(() -> without.get(0).edited()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needsEdits");
    }

    @Test
    void anItemWithoutAnEditTrainsKeepingItsImage() {
        SceneItem item = items(0, 1, false).get(0);
        TaskExample ex = new EditTask().example(new TaskSequences(VOCAB), item, new SplittableRandom(1));
        assertThat(VOCAB.decodeText(Arrays.stream(ex.prompt()).filter(id -> LAYOUT.kind(id)
                == dev.tessera.engine.vocab.TokenKind.TEXT).toArray()).trim()).isEqualTo(EditTask.KEEP);
        int[] image = VOCAB.encodeImage(item.tokens());
        assertThat(Arrays.copyOf(ex.target(), image.length)).containsExactly(image);
        assertThat(new EditTask().words()).contains("make", "remove", "add", "keep", "top", "left", "blue", "triangle");
    }

    @Test
    void regeneratingWritesTheInputsOwnIds() {
        SceneItem item = items(0, 1, false).get(0);
        TaskExample ex = new RegenerateTask().example(new TaskSequences(VOCAB), item, new SplittableRandom(1));
        int[] image = VOCAB.encodeImage(item.tokens());
        List<Integer> want = new ArrayList<>(List.of(LAYOUT.tagId(RegenerateTask.TAG), LAYOUT.id(SpecialToken.BOI)));
        Arrays.stream(image).forEach(want::add);
        want.addAll(List.of(LAYOUT.id(SpecialToken.EOI), LAYOUT.id(SpecialToken.BOI)));
        assertThat(Arrays.copyOf(ex.ids(), want.size())).containsExactly(want.stream().mapToInt(i -> i).toArray());
        assertThat(ex.target()).containsExactly(TaskSequences.concat(image, new int[] {LAYOUT.id(SpecialToken.EOI)}));
    }
}
