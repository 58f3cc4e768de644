package dev.tessera.engine.unified;

import dev.tessera.engine.data.Scene;
import dev.tessera.engine.judge.JudgeCheckpoint;
import dev.tessera.engine.judge.JudgeVerdict;
import dev.tessera.engine.judge.SceneJudge;
import dev.tessera.engine.prompt.PromptCategory;
import dev.tessera.engine.prompt.ScenePrompt;
import dev.tessera.engine.prompt.ScenePrompts;
import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.task.DistinctColoursTask;
import dev.tessera.engine.task.SceneItem;
import dev.tessera.engine.task.Task;
import dev.tessera.engine.task.TaskExample;
import dev.tessera.engine.task.TaskSequences;
import dev.tessera.engine.task.Tasks;
import dev.tessera.engine.train.ProgressListener;
import dev.tessera.engine.train.TrainingStop;
import dev.tessera.engine.vocab.SpecialToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class EvaluationsTest {

    private static final List<String> SHIPPED = List.of(UnifiedCheckpoint.DEFAULT);

    /** A user's task asked with Tessera's own {@code <ask>} tag, so the shipped model can be scored on it. */
    static final class HowManyShapes implements Task {
        @Override
        public String name() {
            return "how-many";
        }

        @Override
        public String tag() {
            return "<ask>";
        }

        @Override
        public TaskExample example(TaskSequences sequences, SceneItem item, SplittableRandom rng) {
            return sequences.start(this).image(item.tokens()).text("how many shapes are there?")
                    .control(SpecialToken.ANSWER).target().text(Scene.numberWord(item.scene().count()))
                    .control(SpecialToken.EOS).build();
        }
    }

    @Test
    void badArgumentsAreRefusedWithTheFixBeforeAnythingLoads() {
        assertThatThrownBy(() -> Evaluations.check(List.of(), List.of("caption"), 8))
                .hasMessageContaining("name at least one model").hasMessageContaining("unified-shapes32");
        assertThatThrownBy(() -> Evaluations.check(Collections.nCopies(9, "m"), List.of("caption"), 8))
                .hasMessageContaining("at most 8 models side by side, got 9");
        assertThatThrownBy(() -> Evaluations.check(List.of("a", " "), List.of("caption"), 8))
                .hasMessageContaining("a model name is empty");
        assertThatThrownBy(() -> Evaluations.check(List.of("a", "b", "a"), List.of("caption"), 8))
                .hasMessageContaining("model 'a' is named twice");
        assertThatThrownBy(() -> Evaluations.check(SHIPPED, List.of(), 8))
                .hasMessageContaining("name at least one task: caption, generate, answer");  // and any registered
        assertThatThrownBy(() -> Evaluations.check(SHIPPED, List.of("answer", "answer"), 8))
                .hasMessageContaining("task 'answer' is named twice");
        assertThatThrownBy(() -> Evaluations.check(SHIPPED, List.of("caption", "colours"), 8))
                .hasMessageContaining("unknown task 'colours'").hasMessageContaining("Tasks.register");
        assertThatThrownBy(() -> Evaluations.check(SHIPPED, List.of("caption"), 0)).hasMessageContaining("1..4096");
        assertThatThrownBy(() -> Evaluations.check(SHIPPED, List.of("caption"), 4097)).hasMessageContaining("1..4096");
    }

    @Test
    void aMissingCheckpointIsNamedBeforeAnyModelIsScored(@TempDir Path dir) {
        assertThatThrownBy(() -> Evaluations.evaluate(List.of(UnifiedCheckpoint.DEFAULT, dir.resolve("nope").toString()),
                Evaluations.DEFAULT_TASKS, 8)).hasMessageContaining("no unified checkpoint at").hasMessageContaining("nope");
    }

    @Test
    void aTaskWhoseTagTheModelNeverLearnedIsRefusedNamingModelAndTask() {
        Tasks.register(new DistinctColoursTask());
        assertThatThrownBy(() -> Evaluations.evaluate(SHIPPED, List.of("caption", "count-colours"), 8))
                .hasMessageContaining("model unified-shapes32 cannot do task count-colours")
                .hasMessageContaining("no <colours> tag");
    }

    @Test
    void theShippedModelsRowHoldsTheHeldOutScoresItsSamplesAndARegisteredTask() {
        Tasks.register(new HowManyShapes());
        EvaluationBoard b = Evaluations.evaluate(SHIPPED, List.of("answer", "how-many", "caption"), 8);
        UnifiedModel model = UnifiedModels.model(UnifiedCheckpoint.DEFAULT);
        UnifiedReport direct = UnifiedEvaluation.evaluate(model, 8);

        assertThat(b.tasks()).containsExactly("answer", "how-many", "caption");
        assertThat(b.scenes()).isEqualTo(8);
        assertThat(b.models()).hasSize(1);
        ModelEvaluation row = b.models().get(0);
        assertThat(row.model()).isEqualTo("unified-shapes32");
        assertThat(row.accuracy()).containsOnlyKeys("answer", "how-many", "caption");
        assertThat(List.copyOf(row.accuracy().keySet())).as("in the order asked").containsExactly("answer", "how-many", "caption");
        assertThat(row.accuracy().get("caption")).isEqualTo(direct.attributeAccuracy());
        assertThat(row.accuracy().get("answer")).isEqualTo(direct.answerAccuracy());
        assertThat(row.textNll()).isEqualTo(direct.textNll()).isBetween(0.0, 1.0);
        assertThat(row.imageNll()).isEqualTo(direct.imageNll()).isBetween(0.2, 3.0);
        assertThat(row.heldOut().generation()).as("generate was not asked").isNull();
        assertThat(row.generated()).isEmpty();

        TaskAccuracy howMany = TaskAccuracy.evaluate(model, new HowManyShapes(), 8);
        assertThat(row.tasks()).singleElement().satisfies(t -> {
            assertThat(t.task()).isEqualTo("how-many");
            assertThat(t.correct()).isEqualTo(howMany.correct());
            assertThat(t.samples()).isEqualTo(howMany.samples());
        });
        assertThat(row.accuracy().get("how-many")).isEqualTo(howMany.accuracy());

        List<Scene> scenes = new SceneGenerator(model.scenes(SceneConfig.HELD_OUT_SEED)).scenes(0, Evaluations.SAMPLES);
        assertThat(row.captions()).hasSize(Evaluations.SAMPLES);
        for (int i = 0; i < Evaluations.SAMPLES; i++) {
            ModelEvaluation.CaptionSample c = row.captions().get(i);
            assertThat(c.expected()).isEqualTo(scenes.get(i).caption());
            assertThat(c.caption().image()).isEqualTo(scenes.get(i).image());
            assertThat(c.caption().text()).isEqualTo(model.caption(scenes.get(i).image()).text());
        }
        assertThat(row.answers()).hasSize(Evaluations.SAMPLES).allSatisfy(a -> {
            assertThat(a.answer().question()).endsWith("?");
            assertThat(a.template()).isIn(dev.tessera.engine.task.SceneQuestions.TEMPLATES);
            assertThat(a.correct()).isEqualTo(a.expected().equals(a.answer().text()));
        });
        assertThat(row.seconds()).isPositive();
        assertThat(b.toString()).startsWith("1 model on 8 held-out scenes: unified-shapes32: answer ")
                .contains("how-many", "text NLL");
    }

    @Test
    void checkpointsSideBySideWithJudgedDrawings(@TempDir Path dir) {
        UnifiedTrainingConfig twoSteps = UnifiedTrainerTest.SHORT.withSteps(2);
        for (String run : List.of("a", "b")) {
            UnifiedModels.train(new UnifiedRun("tiny", null, false, twoSteps.withSeed(run.charAt(0)), dir.resolve(run),
                    false), ProgressListener.none(), new TrainingStop());
        }
        List<String> names = List.of(dir.resolve("a").toString(), UnifiedModels.LAST);
        EvaluationBoard b = Evaluations.evaluate(names, List.of("generate", "caption"), 2);
        assertThat(b.models()).extracting(ModelEvaluation::model).containsExactlyElementsOf(names);
        for (ModelEvaluation row : b.models()) {
            GenerationReport g = row.heldOut().generation();
            assertThat(g.categories()).hasSize(PromptCategory.values().length);
            assertThat(g.images()).as("quick: 4 prompts x 2 images per category").isEqualTo(48);
            assertThat(row.accuracy().get("generate")).isEqualTo(g.overall()).isBetween(0.0, 1.0);
            assertThat(row.generated()).hasSize(PromptCategory.values().length);
            try (SceneJudge judge = JudgeCheckpoint.pretrained(JudgeCheckpoint.DEFAULT)) {
                for (int i = 0; i < row.generated().size(); i++) {
                    ModelEvaluation.GeneratedSample s = row.generated().get(i);
                    ScenePrompt prompt = ScenePrompts.all(PromptCategory.values()[i], 4).stream()
                            .filter(p -> p.text().equals(s.prompt())).findFirst().orElseThrow();
                    JudgeVerdict v = judge.judge(s.image());
                    assertThat(s.judgedCorrect()).as("the verdict on %s", s.prompt()).isEqualTo(prompt.satisfiedBy(v));
                    assertThat(s.judgeSaw()).isEqualTo(v.caption());
                    assertThat(g.byPrompt()).containsKey(s.prompt());
                }
            }
            assertThat(row.captions()).hasSize(2);
            assertThat(row.answers()).as("answer was not asked").isEmpty();
        }
        // two different runs: their weights differ, and so do their NLLs
        assertThat(b.models().get(0).imageNll()).isNotCloseTo(b.models().get(1).imageNll(), within(1e-9));
    }
}
