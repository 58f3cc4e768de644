package dev.tessera.engine.curriculum;

import dev.tessera.engine.train.GuardReading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped teal curriculum on the tiny transformer, a few steps per stage: its guard and its frozen language part. */
class TealCurriculumTest {

    static Curriculum tinyTeal() {
        Curriculum c = Curricula.get("teal");
        return new Curriculum(c.name(), c.description(), "tiny-teal", c.stages(), c.guard())
                .withSteps(12).withBatchSize(6).mapStages(s -> s.withTraining(s.training().withLearningRate(3e-3)));
    }

    @Test
    void theGuardReadsTextPerplexityBeforeAndAfterEveryStageAndTheFrozenStagesKeepIt(@TempDir Path dir) {
        List<GuardReading> heard = new ArrayList<>();
        List<Integer> vocabularies = new ArrayList<>();
        StageListener listener = new StageListener() {
            @Override
            public void onProgress(StageProgress progress) {
            }

            @Override
            public void onGuard(GuardReading reading) {
                heard.add(reading);
            }

            @Override
            public void onVocabulary(int size) {
                vocabularies.add(size);
            }
        };
        CurriculumResult r = new CurriculumRunner(tinyTeal(), dir).listener(listener).run();
        assertThat(r.interrupted()).isFalse();
        // each stage tells its model's vocabulary before its first step, for the chart's uniform-guess rule
        try (var last = dev.tessera.engine.unified.UnifiedCheckpoint.load(r.lastCheckpoint()).model()) {
            assertThat(vocabularies).hasSize(3).containsOnly(last.vocabulary().layout().size());
        }
        List<GuardReading> g = r.guard();
        assertThat(g).extracting(GuardReading::after).containsExactly(GuardReading.START, "text", "projections", "adapt");
        assertThat(g).extracting(GuardReading::step).containsExactly(0, 12, 24, 36);
        assertThat(heard).isEqualTo(g);
        assertThat(g.get(0).change()).isNaN();
        assertThat(g.get(1).perplexity()).as("the text stage learned text").isLessThan(g.get(0).perplexity() * 0.9);
        // only the image projection learns: the text path is untouched, so its perplexity is exactly the same
        assertThat(g.get(2).perplexity()).isEqualTo(g.get(1).perplexity());
        assertThat(g.get(2).change()).isZero();
        assertThat(g.get(2).breached()).isFalse();
        assertThat(g.get(3).breached()).isEqualTo(g.get(3).change() > 0.02);
        assertThat(Files.isRegularFile(dir.resolve(CurriculumRunner.GUARD_FILE))).isTrue();
        assertThat(CurriculumRunner.readings(dir)).isEqualTo(g);

        // run again on the finished folder: nothing is trained or measured again
        heard.clear();
        CurriculumResult again = new CurriculumRunner(tinyTeal(), dir).listener(listener).run();
        assertThat(again.stages()).noneMatch(StageResult::trainedNow);
        assertThat(again.guard()).isEqualTo(g);
        assertThat(heard).isEmpty();
    }
}
