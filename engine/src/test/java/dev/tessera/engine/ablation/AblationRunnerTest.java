package dev.tessera.engine.ablation;

import dev.tessera.engine.curriculum.Curriculum;
import dev.tessera.engine.curriculum.StageListener;
import dev.tessera.engine.train.TrainingStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AblationRunnerTest {

    /** The shipped UniCode ablation's arms on the tiny transformer. */
    static Ablation tinyUnicode() {
        Map<String, Curriculum> arms = new LinkedHashMap<>();
        Ablations.unicode().arms().forEach((name, c) -> arms.put(name, new Curriculum(c.name(), c.description(),
                "tiny-unicode", c.stages(), c.guard())));
        return new Ablation("unicode", "tiny", arms);
    }

    @Test
    void eachArmAndSeedIsTrainedMeasuredAndKeptAndARerunTrainsNothingAgain(@TempDir Path dir) {
        AblationRunner.Settings settings = new AblationRunner.Settings(List.of("one-way", "none"), List.of(1L, 2L), 6, 4,
                new ArmMetrics.Budget(4, 0));
        Path results = dir.resolve("results.json");
        AblationResults r = AblationRunner.run(tinyUnicode(), settings, dir.resolve("runs"), results, StageListener.none(),
                new TrainingStop(), Map.of("command", "test"));
        assertThat(r.runs()).extracting(AblationRun::arm).containsExactly("one-way", "one-way", "none", "none");
        assertThat(r.runs()).extracting(AblationRun::seed).containsExactly(1L, 2L, 1L, 2L);
        assertThat(r.runs()).allMatch(x -> x.steps() == 6 && x.batch() == 4 && x.metrics().tokenizerPsnr() > 15
                && Double.isNaN(x.metrics().judgedTextToImage()));
        assertThat(AblationResults.read(results)).isEqualTo(r);
        assertThat(r.provenance()).containsEntry("commands", List.of("test"));
        // seeds differ, so two runs of one arm differ
        assertThat(r.runs().get(0).metrics()).isNotEqualTo(r.runs().get(1).metrics());

        AblationResults again = AblationRunner.run(tinyUnicode(), settings, dir.resolve("runs"), results,
                p -> { throw new AssertionError("nothing should train again"); }, new TrainingStop(), Map.of("command", "test"));
        assertThat(again).isEqualTo(r);
    }

    @Test
    void stageSeedsFollowTheRunsSeedAndBudgetsApplyToEveryStage() {
        Curriculum c = AblationRunner.curriculum(Ablations.teal(), "frozen", 7,
                new AblationRunner.Settings(List.of(), List.of(7L), 20, 3, null));
        assertThat(c.stages()).extracting(s -> s.training().seed()).containsExactly(7L, 8L);
        assertThat(c.stages()).allMatch(s -> s.training().steps() == 20 && s.training().batchSize() == 3);
        assertThat(c.stages().get(0).start()).isEqualTo("shipped:teal-text");
        assertThat(Ablations.teal().arm("full").stages().get(0).training().trainable()).isEmpty();
        assertThat(Ablations.teal().arm("frozen").stages().get(1).training().trainable())
                .containsExactly("image-embedding", "output", "projections", "biases-and-norms");
    }

    @Test
    void theStackedArmsShareOneRecipeAndDifferOnlyInTheirImageTokens() {
        Ablation a = Ablations.get("stacked");
        assertThat(a.arms().keySet()).containsExactly("fsq", "stacked2", "stacked4");
        assertThat(a.arms().values()).extracting(Curriculum::model).containsExactly("small", "small-stacked2", "small-stacked4");
        assertThat(a.arms().values()).extracting(Curriculum::stages).containsOnly(
                dev.tessera.engine.curriculum.Curricula.get("unicode-stacked").upTo("pretrain").stages());
        assertThat(a.arm("stacked4").stages().get(0).training().mix().weights()).doesNotContainKey("decompress");
    }

    @Test
    void unknownArmsAblationsAndEmptySeedListsAreRefusedWithTheChoices() {
        assertThatThrownBy(() -> Ablations.get("nope")).hasMessageContaining("unicode");
        assertThatThrownBy(() -> Ablations.unicode().arm("sideways")).hasMessageContaining("one-way");
        assertThatThrownBy(() -> new AblationRunner.Settings(List.of(), List.of(), null, null, null))
                .hasMessageContaining("at least one seed");
    }

    @Test
    void aVerdictIsClearOnlyWhenTheBestArmsWorstRunBeatsEveryOtherArmsBestRun() {
        AblationResults r = new AblationResults("x", "", Map.of(), List.of(
                run("a", 1, 0.8, 2.0), run("a", 2, 0.9, 1.0), run("b", 1, 0.5, 1.5), run("b", 2, 0.7, 1.2)));
        AblationResults.Verdict captions = r.verdict("exactCaptions");
        assertThat(captions.best()).isEqualTo("a");
        assertThat(captions.clear()).isTrue();
        assertThat(captions.margin()).isCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-12));
        AblationResults.Verdict nll = r.verdict("imageNll");  // lower is better: b's mean 1.35 < a's 1.5, but a's 1.0 is lower
        assertThat(nll.best()).isEqualTo("b");
        assertThat(nll.clear()).isFalse();
        assertThat(r.summary("exactCaptions").get(1).spread()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-12));
        // two seeds 0.5 and 0.7: sample standard deviation 0.2 / sqrt(2)
        assertThat(r.summary("exactCaptions").get(1).standardDeviation()).isCloseTo(0.2 / Math.sqrt(2),
                org.assertj.core.data.Offset.offset(1e-12));

        // one seed of an arm: no spread is known, so nothing is called clear
        AblationResults one = r.with(run("c", 1, 0.1, 3.0));
        assertThat(one.verdict("exactCaptions").clear()).isFalse();
        assertThat(one.verdict("exactCaptions").enoughSeeds()).isFalse();
        // runs made or measured differently are refused, not averaged
        AblationRun quick = new AblationRun("b", 3, 1, 1, 0, "", new ArmMetrics(0.6, 0, 0, 0, 0, 1, 0, 0, 0), null,
                ArmMetrics.Budget.quick());
        assertThatThrownBy(() -> r.with(quick).verdict("exactCaptions")).hasMessageContaining("not made alike")
                .hasMessageContaining("64 scenes");
    }

    @Test
    void aRunAnotherProcessIsTrainingIsRefusedNotTrainedTwice(@TempDir Path dir) throws Exception {
        Path runs = java.nio.file.Files.createDirectories(dir.resolve("runs"));
        try (var ch = java.nio.channels.FileChannel.open(runs.resolve("none-seed1.lock"),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
             var held = ch.lock()) {
            AblationRunner.Settings settings = new AblationRunner.Settings(List.of("none"), List.of(1L), 2, 2,
                    new ArmMetrics.Budget(2, 0));
            assertThatThrownBy(() -> AblationRunner.run(tinyUnicode(), settings, runs, dir.resolve("results.json"),
                    StageListener.none(), new TrainingStop(), Map.of())).hasMessageContaining("is being trained by another process");
        }
        assertThat(runs.resolve("none-seed1")).doesNotExist();
    }

    @Test
    void aResultsFileOfAnotherAblationIsRefused(@TempDir Path dir) {
        Path results = dir.resolve("results.json");
        AblationResults.update(results, new AblationResults("teal", "", Map.of(), List.of()), x -> x);
        AblationRunner.Settings settings = new AblationRunner.Settings(List.of("none"), List.of(1L), 2, 2,
                new ArmMetrics.Budget(2, 0));
        assertThatThrownBy(() -> AblationRunner.run(tinyUnicode(), settings, dir.resolve("runs"), results,
                StageListener.none(), new TrainingStop(), Map.of())).hasMessageContaining("holds results of the ablation teal");
    }

    private static AblationRun run(String arm, long seed, double captions, double imageNll) {
        return new AblationRun(arm, seed, 1, 1, 0, "", new ArmMetrics(captions, 0, 0, 0, 0, imageNll, 0, 0, 0), null, null);
    }
}
