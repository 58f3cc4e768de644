package dev.tessera.engine.curriculum;

import dev.tessera.engine.task.DecompressTask;
import dev.tessera.engine.train.StepLoss;
import dev.tessera.engine.unified.TaskAccuracy;
import dev.tessera.engine.unified.UnifiedCheckpoint;
import dev.tessera.engine.unified.UnifiedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped unicode-stacked curriculum on the tiny transformer over rvq2-shapes32, a few steps per stage. */
class UnicodeStackedCurriculumTest {

    static Curriculum tinyStacked() {
        Curriculum c = Curricula.get("unicode-stacked");
        return new Curriculum(c.name(), c.description(), "tiny-stacked2", c.stages(), c.guard())
                .withSteps(8).withBatchSize(4);
    }

    @Test
    void stageTwoAddsDecompressionOverTheFrozenShippedTokenizerAndItIsScoredIdById(@TempDir Path dir) throws Exception {
        CurriculumResult r = new CurriculumRunner(tinyStacked(), dir).run();
        assertThat(r.interrupted()).isFalse();
        assertThat(r.stages()).extracting(StageResult::name).containsExactly("pretrain", "instruct");

        List<StepLoss> pretrain = r.stages().get(0).training().history();
        List<StepLoss> instruct = r.stages().get(1).training().history();
        assertThat(pretrain).allSatisfy(s -> assertThat(s.tasks()).doesNotContainKey(DecompressTask.NAME));
        assertThat(instruct).anySatisfy(s -> assertThat(s.tasks()).containsKey(DecompressTask.NAME));

        Path last = r.lastCheckpoint();
        assertThat(Files.exists(last.resolve("image-tokenizer.params"))).as("the shipped tokenizer stays frozen, unsaved")
                .isFalse();
        try (UnifiedModel model = UnifiedCheckpoint.load(last).model()) {
            assertThat(model.config().imageTokenizer()).isEqualTo("rvq2-shapes32");
            assertThat(model.vocabulary().layout().taskTags()).contains(DecompressTask.TAG);
            TaskAccuracy t = TaskAccuracy.evaluate(model, new DecompressTask(DecompressTask.DEFAULT_SEGMENT), 4);
            assertThat(t.samples()).hasSize(4).allSatisfy(s -> assertThat(s.expected().split(" "))
                    .hasSize(DecompressTask.DEFAULT_SEGMENT).allSatisfy(p -> assertThat(p.split("/")).hasSize(2)));
            long right = 0;
            for (TaskAccuracy.Sample s : t.samples()) {
                String[] want = String.join("/", s.expected().split(" ")).split("/");
                String[] got = s.written().isEmpty() ? new String[0] : String.join("/", s.written().split(" ")).split("/");
                for (int i = 0; i < Math.min(want.length, got.length); i++) {
                    right += want[i].equals(got[i]) ? 1 : 0;
                }
            }
            assertThat(t.idAccuracy()).as("codes right, recounted from the 4 samples")
                    .isEqualTo((double) right / (4 * DecompressTask.DEFAULT_SEGMENT * 2));
        }
    }
}
