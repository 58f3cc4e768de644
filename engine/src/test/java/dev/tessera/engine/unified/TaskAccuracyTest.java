package dev.tessera.engine.unified;

import dev.tessera.engine.task.DecompressTask;
import dev.tessera.engine.task.SceneItem;
import dev.tessera.engine.task.Task;
import dev.tessera.engine.task.TaskExample;
import dev.tessera.engine.task.TaskSequences;
import dev.tessera.engine.vocab.SpecialToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskAccuracyTest {

    /** A target that mixes a text word and image ids: no exact continuation of one kind exists. */
    record Mixed() implements Task {
        @Override
        public String name() {
            return "mixed";
        }

        @Override
        public String tag() {
            return "<mixed>";
        }

        @Override
        public TaskExample example(TaskSequences sequences, SceneItem item, SplittableRandom rng) {
            return sequences.start(this).image(item.tokens()).control(SpecialToken.ANSWER).target().text("red")
                    .imageIds(item.grid(), 0, 1).control(SpecialToken.EOS).build();
        }
    }

    @Test
    void writtenOutCodesAreScoredIdByIdAgainstTheTokenizersOwnCodes(@TempDir Path dir) {
        try (UnifiedModel model = StackedModels.create(dir, 1).withTaskTags(List.of(DecompressTask.TAG))) {
            TaskAccuracy t = TaskAccuracy.evaluate(model, new DecompressTask(4), 8);

            assertThat(t.task()).isEqualTo(DecompressTask.NAME);
            assertThat(t.samples()).hasSize(8);
            assertThat(t.correct()).isEqualTo((int) t.samples().stream().filter(TaskAccuracy.Sample::correct).count());
            long right = 0;
            long asked = 0;
            for (TaskAccuracy.Sample s : t.samples()) {
                String[] want = s.expected().split(" ");
                String[] got = s.written().isEmpty() ? new String[0] : s.written().split(" ");
                assertThat(want).as("a segment of 4 grid positions").hasSize(4)
                        .allSatisfy(p -> assertThat(p.split("/")).hasSize(StackedModels.DEPTH));
                assertThat(got).as("the model writes at most the segment's ids").hasSizeLessThanOrEqualTo(5);
                String[] w = String.join("/", want).split("/");
                String[] g = got.length == 0 ? new String[0] : String.join("/", got).split("/");
                asked += w.length;
                for (int i = 0; i < Math.min(w.length, g.length); i++) {
                    right += w[i].equals(g[i]) ? 1 : 0;
                }
            }
            assertThat(t.idAccuracy()).as("the share of codes right, recounted from the samples")
                    .isEqualTo((double) right / asked);
        }
    }

    @Test
    void theExpectedCodesAreTheTokenizersCodesOfTheSegment(@TempDir Path dir) {
        try (UnifiedModel model = StackedModels.create(dir, 2).withTaskTags(List.of(DecompressTask.TAG))) {
            // one segment of the whole 4x4 grid: the expected answer is the scene's full code grid
            TaskAccuracy t = TaskAccuracy.evaluate(model, new DecompressTask(16), 2);
            var scenes = new dev.tessera.engine.data.SceneGenerator(model.scenes(dev.tessera.engine.data.SceneConfig.HELD_OUT_SEED))
                    .scenes(0, 2);
            for (int i = 0; i < 2; i++) {
                int[] codes = model.imageTokenizer().encode(List.of(scenes.get(i).image())).get(0).ids();
                String joined = String.join("/", t.samples().get(i).expected().split(" "));
                assertThat(Arrays.stream(joined.split("/")).mapToInt(Integer::parseInt).toArray()).containsExactly(codes);
            }
        }
    }

    @Test
    void aTargetMixingTextAndImageIdsIsRefusedWithTheAlternative(@TempDir Path dir) {
        try (UnifiedModel model = StackedModels.create(dir, 1).withTaskTags(List.of("<mixed>"))) {
            assertThatThrownBy(() -> TaskAccuracy.evaluate(model, new Mixed(), 2)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("task mixed").hasMessageContaining("score it by its NLL instead");
        }
    }
}
