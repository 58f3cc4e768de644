package dev.tessera.magic;

import dev.tessera.engine.curriculum.Curriculum;
import dev.tessera.engine.curriculum.CurriculumResult;
import dev.tessera.engine.curriculum.Stage;
import dev.tessera.engine.train.TrainingBoard;
import dev.tessera.engine.unified.UnifiedTrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CurriculumMagicsTest {

    @Test
    void curriculumShowsTheShippedRecipe() {
        Object r = Magics.run("curriculum scenes");
        assertThat(r).isInstanceOf(Curriculum.class);
        Curriculum c = (Curriculum) r;
        assertThat(c.stages()).extracting(Stage::name).containsExactly("tasks", "example-weighted");
        assertThat(c.totalSteps()).isEqualTo(11000);
    }

    @Test
    void trainParsesACurriculumWithItsOverridesIntoOneRequest() {
        Magic m = (Magic) Magics.parse("train scenes stage=tasks steps=5 batch=4 out=/tmp/x");
        assertThat(m).isInstanceOf(TrainCurriculumRequest.class);
        Curriculum c = ((TrainCurriculumRequest) m).run().curriculum();
        assertThat(c.stages()).hasSize(1);
        UnifiedTrainingConfig t = c.stages().get(0).training();
        assertThat(t.steps()).isEqualTo(5);
        assertThat(t.batchSize()).isEqualTo(4);
        assertThat(t.warmupSteps()).isLessThan(5);
        assertThat(((TrainCurriculumRequest) m).run().folder()).isEqualTo(Path.of("/tmp/x"));
    }

    @Test
    void badCurriculumLinesNameTheProblem() {
        assertThat(MagicsTest.error("train nosuch").problem()).contains("no curriculum of that name").contains("scenes");
        assertThat(MagicsTest.error("train scenes stage=nope").problem()).contains("no stage 'nope'")
                .contains("tasks, example-weighted");
        assertThat(MagicsTest.error("train scenes lr=1").problem()).contains("unknown setting 'lr'");
        assertThat(MagicsTest.error("curriculum nosuch").problem()).contains("no curriculum 'nosuch'");
    }

    @Test
    void aCurriculumTrainsLiveWithItsStagesOnTheBoard(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.json");
        Curriculum tiny = new Curriculum("tiny-two", "", "tiny", List.of(
                new Stage("a", Stage.FRESH, UnifiedTrainingConfig.smoke().withSteps(3)),
                new Stage("b", Stage.PREVIOUS, UnifiedTrainingConfig.smoke().withSteps(2))));
        tiny.write(file);
        List<Object> shown = new ArrayList<>();
        Object r = ((Magic) Magics.parse("train " + file + " out=" + dir.resolve("run"))).execute(new LiveDisplay() {
            @Override
            public void show(Object value, String id) {
                shown.add(value);
            }

            @Override
            public void update(Object value, String id) {
                shown.add(value);
            }
        });
        assertThat(r).isInstanceOf(CurriculumResult.class);
        TrainingBoard last = (TrainingBoard) shown.get(shown.size() - 1);
        assertThat(last.finished()).isTrue();
        assertThat(last.stages()).extracting(TrainingBoard.StageMark::name).containsExactly("a", "b");
        assertThat(last.history()).extracting(s -> s.step()).containsExactly(1, 2, 3, 4, 5);
        assertThat(last.history().get(4).tasks()).isNotEmpty();
        assertThat(Magics.run("caption sample:1 --model last")).isNotNull();
    }
}
