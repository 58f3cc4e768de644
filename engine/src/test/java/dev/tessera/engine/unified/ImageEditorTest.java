package dev.tessera.engine.unified;

import dev.tessera.engine.Tessera;
import dev.tessera.engine.edit.EditKind;
import dev.tessera.engine.edit.SceneEdit;
import dev.tessera.engine.edit.SceneEdits;
import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.judge.JudgeCheckpoint;
import dev.tessera.engine.judge.SceneJudge;
import dev.tessera.engine.lm.LossWeighting;
import dev.tessera.engine.lm.SamplingConfig;
import dev.tessera.engine.task.EditTask;
import dev.tessera.engine.task.TaskMix;
import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageEditorTest {

    private static final RgbImage PICTURE = Tessera.sample(3, 32).image();

    /** A tiny ILLUME model with the edit tag bound and the edit words learned (untrained weights). */
    private static UnifiedModel editing() {
        UnifiedModel m = UnifiedModel.create(UnifiedConfig.tinyIllume(), 3).withTaskTags(List.of(EditTask.TAG));
        m.learnWords(new EditTask().words());
        return m;
    }

    @Test
    void aModelThatNeverTrainedOnEditingIsRefusedWithTheModelThatCan() {
        try (UnifiedModel m = UnifiedModel.create(UnifiedConfig.tiny(), 3)) {
            assertThat(ImageEditor.canEdit(m)).isFalse();
            assertThatThrownBy(() -> ImageEditor.edit(m, PICTURE, "make the circle blue", SamplingConfig.greedy()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("never trained on the edit task")
                    .hasMessageContaining(UnifiedCheckpoint.ILLUME);
        }
    }

    @Test
    void anEditReadsTheImageAndInstructionAndWritesExactlyOneImage() {
        try (UnifiedModel m = editing()) {
            Edit e = ImageEditor.edit(m, PICTURE, " Make the Circle blue ", SamplingConfig.greedy());
            assertThat(e.instruction()).isEqualTo("make the circle blue");
            assertThat(e.afterGrid().rows()).isEqualTo(e.beforeGrid().rows());
            assertThat(e.afterGrid().ids()).hasSameSizeAs(e.beforeGrid().ids());
            assertThat(e.after().width()).isEqualTo(32);
            assertThat(e.beforeGrid()).isEqualTo(m.imageTokenizer().encode(List.of(PICTURE)).get(0));
            assertThat(e.sequence().images()).as("the input's span and the written one").hasSize(2);
            assertThat(e.sequence().text()).contains("make the circle blue");
            assertThat(e.changedPositions()).isBetween(0, e.beforeGrid().size());
            Edit again = ImageEditor.edit(m, PICTURE, "make the circle blue", SamplingConfig.greedy());
            assertThat(again.afterGrid()).as("greedy editing repeats").isEqualTo(e.afterGrid());
        }
    }

    @Test
    void theShippedIllumeModelEditsAndItsProvenanceHoldsItsBudgetAndScores() {
        UnifiedModel m = UnifiedModels.model(UnifiedCheckpoint.ILLUME);
        assertThat(ImageEditor.canEdit(m)).isTrue();
        assertThat(m.transformer().config().context()).isEqualTo(UnifiedConfig.ILLUME_CONTEXT);
        Edit e = UnifiedModels.edit(dev.tessera.engine.image.ImageSource.parse("sample:1"), "make the circle green",
                SamplingConfig.greedy(), UnifiedCheckpoint.ILLUME);
        assertThat(e.afterGrid().ids()).hasSize(64);
        assertThat(UnifiedCheckpoint.shippedProvenance(UnifiedCheckpoint.ILLUME)).containsKeys("command", "curriculumRun",
                "heldOut", "edits", "baselineHeldOut");
    }

    @Test
    void guidanceUnknownWordsAndMismatchedListsAreRefusedWithTheFix() {
        try (UnifiedModel m = editing()) {
            assertThatThrownBy(() -> ImageEditor.edit(m, PICTURE, "make the circle blue", new SamplingConfig(0, 0, 1, 2, 0)))
                    .hasMessageContaining("--cfg 1");
            assertThatThrownBy(() -> ImageEditor.edit(m, PICTURE, "paint the circle mauve", SamplingConfig.greedy()))
                    .hasMessageContaining("never saw").hasMessageContaining("mauve");
            assertThatThrownBy(() -> ImageEditor.edit(m, List.of(PICTURE), List.of(), SamplingConfig.greedy()))
                    .hasMessageContaining("one instruction per image");
        }
    }

    @Test
    void theEvaluationJudgesEveryKindAgainstExactTargetsWithTheJudgesCeiling() {
        try (UnifiedModel m = editing(); SceneJudge judge = JudgeCheckpoint.pretrained(JudgeCheckpoint.DEFAULT)) {
            EditReport r = EditEvaluation.evaluate(m, "tiny", judge, 16);
            assertThat(r.kinds()).extracting(EditScore::kind).containsExactly(EditKind.values());
            for (EditScore k : r.kinds()) {
                assertThat(k.edits()).isEqualTo(16);
                assertThat(k.accuracy()).isBetween(0.0, 1.0);
                assertThat(k.kept()).as("the target always differs from the input, so a kept input is never right")
                        .isLessThanOrEqualTo(1 - k.accuracy());
                assertThat(k.ceiling()).as("the judge reads real targets through the tokenizer").isGreaterThanOrEqualTo(0.6);
                assertThat(k.targetPositions()).isGreaterThan(0);
            }
            assertThat(r.overall()).isEqualTo(r.kinds().stream().mapToDouble(EditScore::accuracy).average().orElseThrow());
            assertThat(r.samples()).hasSize(9).allSatisfy(s -> assertThat(!s.right() || s.judgeSaw().equals(s.wanted()))
                    .as("an edit judged right reads as the wanted scene").isTrue());
            assertThat(r.table()).contains("recolour", "remove", "add", "overall");
        }
    }

    @Test
    void heldOutEditsAreOfTheAskedKindAndRepeat() {
        SceneGenerator heldOut = new SceneGenerator(new SceneConfig(32, 1, 3, SceneConfig.HELD_OUT_SEED));
        for (EditKind kind : EditKind.values()) {
            List<SceneEdit> a = EditEvaluation.edits(heldOut, kind, 12);
            assertThat(a).hasSize(12).allSatisfy(e -> assertThat(e.kind()).isEqualTo(kind));
            assertThat(EditEvaluation.edits(heldOut, kind, 12)).extracting(SceneEdit::instruction)
                    .containsExactlyElementsOf(a.stream().map(SceneEdit::instruction).toList());
        }
    }

    @Test
    void aFewStepsOfTheEditTaskLowerItsLoss() {
        UnifiedModel model = UnifiedModel.create(UnifiedConfig.tinyIllume(), 4).withTaskTags(List.of(EditTask.TAG));
        UnifiedTrainingConfig cfg = new UnifiedTrainingConfig(40, 8, 3e-3, 4, 0.0, 1.0, 6, 0, TaskMix.of(EditTask.NAME),
                LossWeighting.TOKEN);
        try (model; UnifiedTrainer t = new UnifiedTrainer(model, cfg)) {
            List<Double> losses = t.run().history().stream().map(l -> l.loss()).toList();
            double first = losses.subList(0, 5).stream().mapToDouble(d -> d).average().orElseThrow();
            double last = losses.subList(35, 40).stream().mapToDouble(d -> d).average().orElseThrow();
            assertThat(last).as("edit loss over 40 steps: %s", losses).isLessThan(first * 0.8);
            assertThat(model.words()).as("training an edit task teaches its words").contains("make", "remove", "add");
        }
    }
}
