package dev.tessera.engine.curriculum;

import dev.tessera.engine.task.PromptedGenerateTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped prompts curriculum: the shipped model, text-to-image over the prompt grammar beside captions. */
class PromptsCurriculumTest {

    @Test
    void itStartsFromTheShippedModelAndMixesTheGrammarTask() {
        Curriculum c = Curricula.get("prompts");
        assertThat(c.stages()).hasSize(1);
        Stage s = c.stages().get(0);
        assertThat(s.start()).isEqualTo("shipped:unified-shapes32");
        assertThat(s.training().mix().names()).containsExactly("caption", PromptedGenerateTask.NAME, "answer");
        assertThat(s.training().mix().task(PromptedGenerateTask.NAME)).isEqualTo(
                new PromptedGenerateTask(s.training().mix().promptDropout(), PromptedGenerateTask.DEFAULT_CAPTION_SHARE));
    }

    @Test
    void aFewStepsFromTheShippedModelTrainAndWriteACheckpoint(@TempDir Path dir) {
        CurriculumResult r = new CurriculumRunner(Curricula.get("prompts").withSteps(3).withBatchSize(4), dir).run();
        assertThat(r.interrupted()).isFalse();
        assertThat(r.stages()).singleElement().satisfies(st -> {
            assertThat(st.training().steps()).isEqualTo(3);
            assertThat(st.training().history()).hasSize(3).allSatisfy(l -> assertThat(l.loss()).isFinite());
        });
        // the shipped model never read "above"; trained on the grammar, it takes prompts that use it
        try (var shipped = dev.tessera.engine.unified.UnifiedModels.model("unified-shapes32")) {
            assertThat(shipped.words()).doesNotContain("above", "of");
        }
        try (var trained = dev.tessera.engine.unified.UnifiedCheckpoint.load(r.lastCheckpoint()).model()) {
            assertThat(trained.words()).contains("above", "below", "of", "left", "circle");
            assertThat(trained.checkPrompt("a red circle above a blue square", "prompt"))
                    .isEqualTo("a red circle above a blue square");
        }
    }

    @Test
    void withSeedGivesEveryStageItsOwnSeedFromTheOneAsked() {
        Curriculum c = Curricula.get("scenes").withSeed(40);
        assertThat(c.stages()).extracting(st -> st.training().seed()).containsExactly(40L, 41L);
    }
}
