package dev.tessera.engine.task;

import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.data.Scene;
import dev.tessera.engine.unified.UnifiedConfig;
import dev.tessera.engine.unified.UnifiedModel;
import dev.tessera.engine.vocab.SpecialToken;
import dev.tessera.engine.vocab.TokenKind;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class TextTaskTest {

    @Test
    void aTextExampleIsItsTagThenAPassageAllTargetEndingInEos() {
        try (UnifiedModel model = UnifiedModel.create(UnifiedConfig.tinyTeal(), 1).withTaskTags(java.util.List.of(TextTask.TAG))) {
            TaskSequences seq = model.tasks();
            Scene scene = new SceneGenerator(new SceneConfig(32, 1, 3, 5)).scene(0);
            SceneItem item = new SceneItem(scene, model.imageTokenizer().encode(java.util.List.of(scene.image())).get(0));
            TextTask task = new TextTask();
            int sceneText = 0;
            for (int i = 0; i < 40; i++) {
                TaskExample e = task.example(seq, item, new SplittableRandom(i));
                assertThat(e.ids()[0]).isEqualTo(seq.tagId(task));
                assertThat(e.targetStart()).isEqualTo(1);
                assertThat(e.ids()[e.ids().length - 1]).isEqualTo(model.vocabulary().id(SpecialToken.EOS));
                assertThat(e.ids().length).isBetween(3, TextTask.MAX_IDS + 2);
                for (int j = 1; j < e.ids().length - 1; j++) {
                    assertThat(model.vocabulary().layout().kind(e.ids()[j])).isEqualTo(TokenKind.TEXT);
                }
                String text = model.vocabulary().decodeText(java.util.Arrays.copyOfRange(e.ids(), 1, e.ids().length - 1));
                if (text.startsWith(scene.caption())) {
                    sceneText++;
                }
                // a pure function of the random stream
                assertThat(task.example(seq, item, new SplittableRandom(i)).ids()).containsExactly(e.ids());
            }
            assertThat(sceneText).as("about half the passages are the scene's own text").isBetween(10, 30);
        }
    }

    @Test
    void aLongPassageGivesAWindowCutAtSpaces() {
        String words = "alpha beta gamma delta ".repeat(40).strip();
        for (int seed = 0; seed < 20; seed++) {
            String w = TextTask.window(words, new SplittableRandom(seed));
            assertThat(w.length()).isBetween(TextTask.MAX_CHARS / 2, TextTask.MAX_CHARS);
            assertThat(words).contains(w);
            assertThat(w).doesNotStartWith(" ").doesNotEndWith(" ");
            assertThat(w.split(" ")).allMatch(t -> t.matches("alpha|beta|gamma|delta"));
        }
        assertThat(TextTask.window("short", new SplittableRandom(1))).isEqualTo("short");
    }
}
