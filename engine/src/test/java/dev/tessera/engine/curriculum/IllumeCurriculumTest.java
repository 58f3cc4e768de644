package dev.tessera.engine.curriculum;

import dev.tessera.engine.task.EditTask;
import dev.tessera.engine.task.RegenerateTask;
import dev.tessera.engine.unified.UnifiedCheckpoint;
import dev.tessera.engine.unified.UnifiedConfig;
import dev.tessera.engine.unified.UnifiedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped illume curriculum: ILLUME's three stages from the text-first model, its context grown. */
class IllumeCurriculumTest {

    @Test
    void itsThreeStagesAlignTheImageSideAloneThenTrainEverythingThenFineTuneWithEdits() {
        Curriculum c = Curricula.get("illume");
        assertThat(c.model()).isEqualTo("small-illume");
        assertThat(c.stages()).extracting(Stage::name).containsExactly("align", "pretrain", "sft");
        Stage align = c.stages().get(0);
        assertThat(align.start()).isEqualTo("shipped:teal-text");
        assertThat(align.training().trainable()).containsExactly("image-embedding", "output", "projections", "positions");
        assertThat(align.training().mix().names()).containsExactly("caption", RegenerateTask.NAME);
        assertThat(c.stages().get(1).training().trainable()).isEmpty();
        assertThat(c.stages().get(2).training().mix().names()).contains(EditTask.NAME, "answer");
        CurriculumRunner.check(c);
    }

    @Test
    void aFewStepsGrowTheTextModelsContextAndTrainEdits(@TempDir Path dir) {
        CurriculumResult r = new CurriculumRunner(Curricula.get("illume").withSteps(2).withBatchSize(3), dir).run();
        assertThat(r.interrupted()).isFalse();
        assertThat(r.stages()).hasSize(3).allSatisfy(st ->
                assertThat(st.training().history()).hasSize(2).allSatisfy(l -> assertThat(l.loss()).isFinite()));
        try (UnifiedModel trained = UnifiedCheckpoint.load(r.lastCheckpoint()).model()) {
            assertThat(trained.transformer().config().context()).isEqualTo(UnifiedConfig.ILLUME_CONTEXT);
            assertThat(trained.vocabulary().layout().taskTags()).contains(RegenerateTask.TAG, EditTask.TAG);
            assertThat(trained.words()).contains("make", "remove", "add");
        }
    }
}
