package dev.tessera.engine.curriculum;

import dev.tessera.engine.lm.LossWeighting;
import dev.tessera.engine.task.DistinctColoursTask;
import dev.tessera.engine.task.SceneItem;
import dev.tessera.engine.task.Task;
import dev.tessera.engine.task.TaskExample;
import dev.tessera.engine.task.TaskMix;
import dev.tessera.engine.task.TaskSequences;
import dev.tessera.engine.task.Tasks;
import dev.tessera.engine.train.StepLoss;
import dev.tessera.engine.vocab.SpecialToken;
import dev.tessera.engine.train.TrainingStop;
import dev.tessera.engine.unified.UnifiedCheckpoint;
import dev.tessera.engine.unified.UnifiedTrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CurriculumRunnerTest {

    static final UnifiedTrainingConfig FIRST = new UnifiedTrainingConfig(6, 6, 3e-3, 1, 0.01, 1.0, 21, 0,
            TaskMix.balanced(), LossWeighting.TOKEN);
    static final UnifiedTrainingConfig SECOND = new UnifiedTrainingConfig(6, 6, 1e-3, 1, 0.01, 1.0, 22, 0,
            TaskMix.of("caption", "answer"), LossWeighting.EXAMPLE, List.of("blocks", "output"));

    static Curriculum twoStages() {
        return new Curriculum("two", "a test", "tiny",
                List.of(new Stage("all-tasks", Stage.FRESH, FIRST), new Stage("text-only", Stage.PREVIOUS, SECOND)));
    }

    @Test
    void aCurriculumTrainsItsStagesBackToBackWithOneCheckpointAndProvenanceEach(@TempDir Path dir) {
        List<StageProgress> seen = new ArrayList<>();
        CurriculumResult r = new CurriculumRunner(twoStages(), dir).listener(seen::add).run();
        assertThat(r.interrupted()).isFalse();
        assertThat(r.stages()).extracting(StageResult::name).containsExactly("all-tasks", "text-only");
        assertThat(seen).hasSize(12);
        assertThat(seen.get(6).overallStep()).as("steps count across stages").isEqualTo(7);
        assertThat(seen.get(6).name()).isEqualTo("text-only");
        assertThat(seen.get(11).progress().parts()).containsKeys("task:caption", "task:answer")
                .doesNotContainKey("task:generate");
        Path second = dir.resolve("2-text-only");
        assertThat(r.lastCheckpoint()).isEqualTo(second);
        Map<String, Object> p = UnifiedCheckpoint.provenance(second);
        assertThat(p).containsEntry("curriculum", "two").containsEntry("stage", "2/2 text-only")
                .containsEntry("start", "previous").containsKey("initialisedFrom");
        assertThat(Curriculum.read(dir.resolve("curriculum.json"))).isEqualTo(twoStages());
        // the second stage trained only what it named: the embeddings are the first stage's
        try (var a = UnifiedCheckpoint.load(dir.resolve("1-all-tasks")).model();
             var b = UnifiedCheckpoint.load(second).model()) {
            assertThat(b.transformer().parameters().get("embed.text").toFloatArray())
                    .containsExactly(a.transformer().parameters().get("embed.text").toFloatArray());
            assertThat(b.transformer().parameters().get("block0.fc.weight").toFloatArray())
                    .isNotEqualTo(a.transformer().parameters().get("block0.fc.weight").toFloatArray());
        }
    }

    @Test
    void stoppedInTheMiddleOfAStageAndRunAgainItGivesTheLossesOfAnUninterruptedRun(@TempDir Path dir) {
        new CurriculumRunner(twoStages(), dir.resolve("straight")).run();
        TrainingStop stop = new TrainingStop();
        CurriculumResult first = new CurriculumRunner(twoStages(), dir.resolve("stopped")).stop(stop).listener(p -> {
            if (p.overallStep() == 9) {
                stop.request();
            }
        }).run();
        assertThat(first.interrupted()).isTrue();
        assertThat(UnifiedCheckpoint.manifest(dir.resolve("stopped/2-text-only")).step()).isEqualTo(3);
        CurriculumResult resumed = new CurriculumRunner(twoStages(), dir.resolve("stopped")).run();
        assertThat(resumed.interrupted()).isFalse();
        assertThat(resumed.stages().get(0).trainedNow()).as("the finished stage is kept").isFalse();
        for (String stage : List.of("1-all-tasks", "2-text-only")) {
            List<StepLoss> a = UnifiedCheckpoint.history(dir.resolve("straight").resolve(stage));
            List<StepLoss> b = UnifiedCheckpoint.history(dir.resolve("stopped").resolve(stage));
            assertThat(b).as(stage).hasSize(6);
            for (int i = 0; i < a.size(); i++) {
                assertThat(b.get(i).loss()).as("%s step %d", stage, i + 1).isEqualTo(a.get(i).loss());
                assertThat(b.get(i).tasks()).isEqualTo(a.get(i).tasks());
            }
        }
    }

    @Test
    void badCurriculaAreRefusedBeforeTheFirstStep(@TempDir Path dir) {
        Curriculum unknownTask = twoStages().mapStages(s -> s.withTraining(s.training().withMix(TaskMix.of("caption", "juggle"))));
        assertThatThrownBy(() -> new CurriculumRunner(unknownTask, dir.resolve("a")).run())
                .hasMessageContaining("unknown task 'juggle'").hasMessageContaining("Tasks.register");
        Curriculum otherArchitecture = twoStages().mapStages(s -> s.name().equals("all-tasks")
                ? s.withStart("shipped:unified-shapes32") : s);
        assertThatThrownBy(() -> new CurriculumRunner(otherArchitecture, dir.resolve("b")).run())
                .hasMessageContaining("width 192").hasMessageContaining("preset tiny");
        Curriculum stackedOverFlat = new Curriculum("stacked", "", "tiny-stacked2", List.of(
                new Stage("s", "shipped:unified-shapes32", FIRST)));
        assertThatThrownBy(() -> new CurriculumRunner(stackedOverFlat, dir.resolve("d")).run())
                .hasMessageContaining("over rvq2-shapes32 (levels stacked per position)").hasMessageContaining("preset tiny-stacked2");
        Curriculum namesNothing = twoStages().mapStages(s -> s.withTraining(s.training().withTrainable(List.of("blocks9.*"))));
        assertThatThrownBy(() -> new CurriculumRunner(namesNothing, dir.resolve("c")).run())
                .hasMessageContaining("'blocks9.*' names no weight");
        assertThatThrownBy(() -> new Curriculum("empty", "", "tiny", List.of())).hasMessageContaining("has no stage");
        assertThatThrownBy(() -> new Curriculum("x", "", "tiny", List.of(new Stage("s", Stage.PREVIOUS, FIRST))))
                .hasMessageContaining("no previous stage");
        for (String folder : List.of("a", "b", "c", "d")) {
            assertThat(dir.resolve(folder)).as("nothing trained or written for %s", folder).doesNotExist();
        }
    }

    /** {@link DistinctColoursTask} under its own name; {@code redefined} answers "one" whatever the scene. */
    static Task coloursTask(String name, boolean redefined) {
        return new DistinctColoursTask() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public TaskExample example(TaskSequences sequences, SceneItem item, java.util.SplittableRandom rng) {
                return redefined ? sequences.start(this).image(item.tokens()).text(QUESTION).control(SpecialToken.ANSWER)
                        .target().text("one").control(SpecialToken.EOS).build() : super.example(sequences, item, rng);
            }
        };
    }

    @Test
    void aTaskRedefinedBeforeAResumeIsRefusedByNameAndTheRunIsKeptForTheOriginal(@TempDir Path dir) throws Exception {
        Tasks.register(coloursTask("colours-fingerprint", false));
        UnifiedTrainingConfig cfg = new UnifiedTrainingConfig(6, 6, 3e-3, 1, 0.0, 1.0, 5, 0,
                TaskMix.of("colours-fingerprint", "caption"), LossWeighting.TOKEN);
        Curriculum c = new Curriculum("fp", "", "tiny", List.of(new Stage("colours", Stage.FRESH, cfg)));
        TrainingStop stop = new TrainingStop();
        assertThat(new CurriculumRunner(c, dir).stop(stop).listener(p -> {
            if (p.overallStep() == 2) {
                stop.request();
            }
        }).run().interrupted()).isTrue();
        Path stage = dir.resolve("1-colours");
        byte[] saved = java.nio.file.Files.readAllBytes(stage.resolve("model.params"));
        assertThat(UnifiedCheckpoint.manifest(stage).taskFingerprints()).containsOnlyKeys("colours-fingerprint", "caption");

        Tasks.register(coloursTask("colours-fingerprint", true));
        assertThatThrownBy(() -> new CurriculumRunner(c, dir).run()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("task colours-fingerprint now writes other sequences")
                .hasMessageContaining("Restore the task's definition");
        assertThat(java.nio.file.Files.readAllBytes(stage.resolve("model.params"))).as("the run is kept").isEqualTo(saved);

        Tasks.register(coloursTask("colours-fingerprint", false));
        CurriculumResult r = new CurriculumRunner(c, dir).run();
        assertThat(r.interrupted()).isFalse();
        assertThat(UnifiedCheckpoint.history(stage)).hasSize(6);
    }

    @Test
    void stoppedInAFreshStageThatBindsATagAndRunAgainItGivesTheLossesOfAnUninterruptedRun(@TempDir Path dir) {
        Tasks.register(new DistinctColoursTask());
        UnifiedTrainingConfig colours = new UnifiedTrainingConfig(6, 6, 3e-3, 1, 0.0, 1.0, 5, 0,
                TaskMix.of("count-colours", "caption"), LossWeighting.TOKEN);
        Curriculum c = new Curriculum("colours", "", "tiny", List.of(new Stage("colours", Stage.FRESH, colours)));
        new CurriculumRunner(c, dir.resolve("straight")).run();
        TrainingStop stop = new TrainingStop();
        assertThat(new CurriculumRunner(c, dir.resolve("stopped")).stop(stop).listener(p -> {
            if (p.overallStep() == 2) {
                stop.request();
            }
        }).run().interrupted()).isTrue();
        new CurriculumRunner(c, dir.resolve("stopped")).run();
        List<StepLoss> a = UnifiedCheckpoint.history(dir.resolve("straight/1-colours"));
        List<StepLoss> b = UnifiedCheckpoint.history(dir.resolve("stopped/1-colours"));
        assertThat(b).hasSize(6);
        for (int i = 0; i < 6; i++) {
            assertThat(b.get(i).loss()).as("step %d", i + 1).isEqualTo(a.get(i).loss());
        }
        assertThat(UnifiedCheckpoint.manifest(dir.resolve("stopped/1-colours")).taskTags()).containsExactly("<colours>");
    }

    @Test
    void moreNewTagsThanAModelHasRoomForAreRefusedBeforeTheFirstStage(@TempDir Path dir) {
        for (int i = 0; i < 9; i++) {
            String tag = "<t" + i + ">";
            Tasks.register(new DistinctColoursTask() {
                @Override
                public String name() {
                    return "tagged-" + tag.charAt(2);
                }

                @Override
                public String tag() {
                    return tag;
                }
            });
        }
        List<Stage> stages = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            stages.add(new Stage("s" + i, i == 0 ? Stage.FRESH : Stage.PREVIOUS, FIRST.withMix(TaskMix.of("tagged-" + i))));
        }
        assertThatThrownBy(() -> new CurriculumRunner(new Curriculum("tags", "", "tiny", stages), dir).run())
                .hasMessageContaining("9 new tags").hasMessageContaining("room for 8");
        assertThat(dir.resolve("1-s0")).doesNotExist();
    }

    @Test
    void aFolderHoldingAnotherCurriculumIsRefused(@TempDir Path dir) throws Exception {
        Curriculum shorter = twoStages().mapStages(s -> s.withTraining(s.training().withSteps(2)));
        new CurriculumRunner(shorter, dir).run();
        assertThatThrownBy(() -> new CurriculumRunner(twoStages(), dir).run())
                .hasMessageContaining("another curriculum");
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> new CurriculumRunner(twoStages(), other).run()).hasMessageContaining("is not empty");
        assertThat(other.resolve("notes.txt")).hasContent("mine");
    }

    @Test
    void aNewTaskWithItsOwnTagTrainsThroughTheRunnerAndItsTagIsSaved(@TempDir Path dir) {
        Tasks.register(new DistinctColoursTask());
        UnifiedTrainingConfig colours = new UnifiedTrainingConfig(30, 8, 3e-3, 2, 0.0, 1.0, 5, 0,
                TaskMix.of("count-colours"), LossWeighting.TOKEN);
        Curriculum c = new Curriculum("colours", "", "tiny", List.of(new Stage("colours", Stage.FRESH, colours)));
        new CurriculumRunner(c, dir).run();
        UnifiedCheckpoint.Manifest m = UnifiedCheckpoint.manifest(dir.resolve("1-colours"));
        assertThat(m.taskTags()).containsExactly("<colours>");
        List<StepLoss> h = UnifiedCheckpoint.history(dir.resolve("1-colours"));
        double first = h.subList(0, 5).stream().mapToDouble(StepLoss::loss).average().orElseThrow();
        double last = h.subList(25, 30).stream().mapToDouble(StepLoss::loss).average().orElseThrow();
        assertThat(last).as("the colour-count task's loss falls").isLessThan(first - 1.0);
        assertThat(h.get(29).tasks()).containsOnlyKeys("count-colours");
    }
}
