package dev.tessera.engine.ablation;

import dev.tessera.engine.curriculum.Curriculum;
import dev.tessera.engine.curriculum.CurriculumRunner;
import dev.tessera.engine.curriculum.StageListener;
import dev.tessera.engine.train.TrainingStop;
import dev.tessera.engine.unified.UnifiedCheckpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** ILLUME's semantic-against-pixel ablation and the accuracy-against-steps curves it is measured by. */
class SemanticAblationTest {

    @Test
    void theArmsShareOneStageAndDifferOnlyInTheirTokenizer() {
        Ablation a = Ablations.semantic();
        assertThat(a.arms()).containsOnlyKeys("pixel", "semantic");
        assertThat(a.arm("pixel").model()).isEqualTo("small");
        assertThat(a.arm("semantic").model()).isEqualTo("small-semantic");
        assertThat(a.arm("pixel").stages()).isEqualTo(a.arm("semantic").stages());
        assertThat(a.arm("pixel").stages().get(0).training().steps()).isEqualTo(Ablations.SEMANTIC_STEPS);
        assertThat(a.arm("pixel").stages().get(0).training().mix().names()).containsExactly("caption", "generate", "answer");
        assertThat(a.curve()).containsExactly(250, 500, 750);
        assertThat(dev.tessera.engine.unified.UnifiedRun.config("small-semantic").imageTokenizer()).isEqualTo("sem-shapes32");
    }

    /** Two tiny arms with curve points after 2 and 4 of 6 steps: snapshots on disk, each measured, the curve read back. */
    @Test
    void eachRunIsMeasuredAtItsCurveStepsFromSnapshotsOfTheSameRun(@TempDir Path dir) {
        Map<String, Curriculum> arms = new LinkedHashMap<>();
        Ablations.semantic().arms().forEach((name, c) -> arms.put(name, new Curriculum(c.name(), c.description(), "tiny",
                c.stages(), null)));
        Ablation tiny = new Ablation("semantic", "tiny", arms, List.of(4, 2));
        AblationRunner.Settings settings = new AblationRunner.Settings(List.of("pixel"), List.of(1L), 6, 4,
                new ArmMetrics.Budget(4, 0));
        AblationResults r = AblationRunner.run(tiny, settings, dir.resolve("runs"), dir.resolve("r.json"), StageListener.none(),
                new TrainingStop(), Map.of());
        AblationRun run = r.runs().get(0);
        assertThat(run.curve()).extracting(AblationRun.CurvePoint::step).containsExactly(2, 4);
        Curriculum c = AblationRunner.curriculum(tiny, "pixel", 1, settings);
        Path folder = dir.resolve("runs/pixel-seed1");
        Path two = CurriculumRunner.snapshot(folder, c, 2);
        assertThat(two.getFileName().toString()).isEqualTo("1-pretrain-step2");
        assertThat(CurriculumRunner.snapshot(folder, c, 6)).isEqualTo(CurriculumRunner.stageFolder(folder, c, 0));
        assertThat(Files.isDirectory(two)).isTrue();
        assertThat(UnifiedCheckpoint.provenance(two)).containsEntry("stepsDone", 2);
        assertThat(run.curve().get(0).metrics().textNll()).as("two steps in, the model is worse than at the end")
                .isGreaterThan(run.metrics().textNll());
        List<AblationResults.CurvePoint> curve = r.curve("textNll");
        assertThat(curve).extracting(AblationResults.CurvePoint::step).containsExactly(2, 4, 6);
        assertThat(curve.get(2).mean()).isEqualTo(run.metrics().textNll());
        assertThat(AblationResults.read(dir.resolve("r.json"))).isEqualTo(r);
    }

    @Test
    void aCurvePointsMeanAndSdAreAcrossSeedsAndTheFinalMeasurementEndsTheCurve() {
        ArmMetrics early1 = new ArmMetrics(0.1, 0, 0, 0, 0, 0, 0, 0, 0);
        ArmMetrics early2 = new ArmMetrics(0.3, 0, 0, 0, 0, 0, 0, 0, 0);
        ArmMetrics end = new ArmMetrics(0.5, 0, 0, 0, 0, 0, 0, 0, 0);
        ArmMetrics.Budget b = new ArmMetrics.Budget(4, 0);
        AblationResults r = new AblationResults("semantic", "d", Map.of(), List.of(
                new AblationRun("pixel", 1, 10, 2, 0, "", end, null, b, List.of(new AblationRun.CurvePoint(5, early1))),
                new AblationRun("pixel", 2, 10, 2, 0, "", end, null, b, List.of(new AblationRun.CurvePoint(5, early2)))));
        List<AblationResults.CurvePoint> c = r.curve("exactCaptions");
        assertThat(c).hasSize(2);
        assertThat(c.get(0).step()).isEqualTo(5);
        assertThat(c.get(0).mean()).isCloseTo(0.2, within(1e-12));
        assertThat(c.get(0).sd()).isCloseTo(Math.sqrt(0.02), within(1e-12));
        assertThat(c.get(1).step()).isEqualTo(10);
        assertThat(c.get(1).values()).containsExactly(0.5, 0.5);
        assertThat(new AblationResults("x", "d", Map.of(), List.of(new AblationRun("a", 1, 10, 2, 0, "", end, null, b)))
                .curve("exactCaptions")).isEmpty();
    }

    @Test
    void aSnapshotOutsideTheRunIsRefused() {
        Curriculum c = Ablations.semantic().arm("pixel");
        assertThatThrownBy(() -> new CurriculumRunner(c, Path.of("x")).snapshotsAt(List.of(1000)))
                .hasMessageContaining("inside the run's 1000 steps");
        assertThatThrownBy(() -> CurriculumRunner.snapshot(Path.of("x"), c, 1001)).hasMessageContaining("outside");
    }

    /** The shipped runs: 3 seeds an arm, each measured at 250, 500, 750 and 1000 steps alike, as the README reports them. */
    @Test
    void theShippedResultsHoldThreeSeedsAnArmWithTheirCurves() {
        AblationResults r = AblationResults.shipped("semantic");
        assertThat(r.arms()).containsExactlyInAnyOrder("pixel", "semantic");
        for (String arm : r.arms()) {
            List<AblationRun> runs = r.runs().stream().filter(x -> x.arm().equals(arm)).toList();
            assertThat(runs).extracting(AblationRun::seed).containsExactlyInAnyOrder(1L, 2L, 3L);
            assertThat(runs).allSatisfy(x -> {
                assertThat(x.steps()).isEqualTo(Ablations.SEMANTIC_STEPS);
                assertThat(x.budget()).isEqualTo(new ArmMetrics.Budget(256, 8, 16));
                assertThat(x.curve()).extracting(AblationRun.CurvePoint::step).containsExactly(250, 500, 750);
                assertThat(x.curve()).allSatisfy(p -> assertThat(p.metrics().judgedTextToImage()).isNaN());
            });
        }
        List<AblationResults.CurvePoint> captions = r.curve("exactCaptions");
        for (int step : List.of(250, 500, 750, 1000)) {
            double pixel = captions.stream().filter(p -> p.arm().equals("pixel") && p.step() == step).findFirst().orElseThrow().mean();
            double semantic = captions.stream().filter(p -> p.arm().equals("semantic") && p.step() == step).findFirst()
                    .orElseThrow().mean();
            assertThat(semantic).as("captions over semantic tokens after %d steps", step).isGreaterThan(pixel);
        }
    }
}
