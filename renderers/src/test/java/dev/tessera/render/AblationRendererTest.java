package dev.tessera.render;

import dev.tessera.engine.ablation.AblationResults;
import dev.tessera.engine.ablation.AblationRun;
import dev.tessera.engine.ablation.ArmMetrics;
import dev.tessera.engine.train.GuardReading;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AblationRendererTest {

    /** Arm a's captions beat b's on every seed; their answers overlap. */
    static AblationResults results(boolean guarded) {
        List<GuardReading> guard = guarded ? List.of(new GuardReading("start", 0, 50, Double.NaN, false),
                new GuardReading("adapt", 10, 51, 0.02, false)) : List.of();
        return new AblationResults("demo", "two arms", Map.of("command", "x"), List.of(
                run("a", 1, 0.80, 0.50, guard), run("a", 2, 0.84, 0.60, guard),
                run("b", 1, 0.60, 0.55, guard), run("b", 2, 0.70, 0.45, guard)));
    }

    static AblationRun run(String arm, long seed, double captions, double answers, List<GuardReading> guard) {
        return new AblationRun(arm, seed, 10, 4, 1.0, "runs/" + arm,
                new ArmMetrics(captions, captions, answers, Double.NaN, 0.5, 1.5, 28.0, 0.9, 200), guard, null);
    }

    @Test
    void theTableGivesEachArmsMeanAndRangeAndMarksOnlyAClearBest() {
        String html = Renderers.mimeBundle(results(false)).get("text/html");
        assertThat(html).contains("demo · 4 runs · 2 arms x 2 seeds · 10 steps of batch 4, measured on 256 scenes and 8 images per prompt", "two arms")
                .contains(">82.0%<div style=\"color:#6e6e6e;font-size:11px\">80.0%–84.0% · sd 2.8%</div>")
                .contains("font-weight:700;background:#e8f4ec\">82.0%")
                .contains("exact captions: a is best, ahead of every other arm on every seed (ahead of b by 17.0%)")
                .contains("answers: a has the best mean, but within the spread across seeds (no clear best) (ahead of b by 5.0%)")
                .contains("<svg").doesNotContain("text-to-image (judged)").doesNotContain("text perplexity change");
        // an answers cell is never marked best: the arms overlap
        assertThat(html).doesNotContain("font-weight:700;background:#e8f4ec\">55.0%");
    }

    @Test
    void imageIdsAreCountsWithFewerBetterAndOlderResultsWithoutThemShowNoColumn() {
        ArmMetrics grid = new ArmMetrics(0.5, 0.5, 0.5, Double.NaN, 0.5, Double.NaN, 30, 0.5, 100, Map.of(), 66, 66);
        ArmMetrics span = new ArmMetrics(0.4, 0.4, 0.4, Double.NaN, 0.6, Double.NaN, 18, 0.8, 100, Map.of(), 8.4, 14);
        AblationResults r = new AblationResults("setok", "", Map.of(), List.of(
                new AblationRun("grid", 1, 10, 4, 1.0, "g", grid, List.of(), new ArmMetrics.Budget(256, 0, 16)),
                new AblationRun("setok", 1, 10, 4, 1.0, "s", span, List.of(), new ArmMetrics.Budget(256, 0, 16))));
        String html = Renderers.mimeBundle(r).get("text/html");
        assertThat(html).contains(">ids per image<", ">most ids in an image<", ">8.4<", ">66.0<")
                .contains("ids per image: setok has the best mean").doesNotContain(">image NLL<")
                .contains("measured on 256 scenes, text-to-image not judged");
        assertThat(Renderers.mimeBundle(results(false)).get("text/html")).doesNotContain("ids per image");
    }

    @Test
    void aMetricOneArmDidNotMeasureGetsNoVerdict() {
        ArmMetrics grid = new ArmMetrics(0.5, 0.5, 0.5, Double.NaN, 0.5, 2.0, 30, 0.5, 100, Map.of(), 66, 66);
        ArmMetrics span = new ArmMetrics(0.4, 0.4, 0.4, Double.NaN, 0.6, Double.NaN, 18, 0.8, 100, Map.of(), 8.4, 14);
        AblationResults r = new AblationResults("setok", "", Map.of(), List.of(
                new AblationRun("grid", 1, 10, 4, 1.0, "g", grid, List.of(), null),
                new AblationRun("setok", 1, 10, 4, 1.0, "s", span, List.of(), null)));
        assertThat(AblationRenderer.verdicts(r)).contains("image NLL: not measured for setok, so no verdict")
                .noneMatch(line -> line.startsWith("image NLL: grid"));
    }

    @Test
    void withOneSeedAnArmIsNeverCalledClearlyBest() {
        AblationResults one = new AblationResults("demo", "", Map.of(), List.of(run("a", 1, 0.9, 0.5, List.of()),
                run("b", 1, 0.1, 0.5, List.of())));
        String html = Renderers.mimeBundle(one).get("text/html");
        assertThat(html).contains("exact captions: a has the best mean; too few seeds to call it (every arm needs two)")
                .doesNotContain("background:#e8f4ec");
    }

    @Test
    void guardedRunsShowTheirTextPerplexityChange() {
        assertThat(Renderers.mimeBundle(results(true)).get("text/html")).contains("text perplexity change", ">+2.00%<");
    }

    @Test
    void theChartHasAPointPerRunAndMetric() {
        AblationResults r = results(false);
        assertThat(AblationRenderer.chart(r).svg()).contains("<svg");
        assertThat(AblationRenderer.measured(r)).containsExactly("exactCaptions", "answerAccuracy", "imageNll", "textNll",
                "tokenizerPsnr", "codebookUtilisation");
    }

    @Test
    void resultsWithoutRunsSaySo() {
        AblationResults empty = new AblationResults("demo", "", Map.of(), List.of());
        assertThat(Renderers.mimeBundle(empty).get("text/html")).contains("no finished runs yet");
    }

    @Test
    void runsWithCurvePointsShowATableAndAChartAgainstSteps() {
        ArmMetrics.Budget b = new ArmMetrics.Budget(256, 0, 16);
        AblationResults r = new AblationResults("semantic", "", Map.of(), List.of(
                curved("pixel", 1, 0.20, 0.50), curved("pixel", 2, 0.30, 0.60),
                curved("semantic", 1, 0.40, 0.70), curved("semantic", 2, 0.40, 0.80)));
        String html = Renderers.mimeBundle(r).get("text/html");
        assertThat(html).contains("against training steps (mean ± sd across seeds)", ">5 steps<", ">10 steps<")
                .contains(">25.0% ± 7.1%<", ">40.0% ± 0.0%<", ">55.0% ± 7.1%<", ">75.0% ± 7.1%<")
                .contains("accuracy against training steps");
        assertThat(html.split("<svg", -1)).hasSize(3);
        assertThat(Renderers.mimeBundle(results(false)).get("text/html")).doesNotContain("against training steps");
    }

    private static AblationRun curved(String arm, long seed, double early, double end) {
        return new AblationRun(arm, seed, 10, 4, 1.0, "x", metrics(end), List.of(), new ArmMetrics.Budget(256, 0, 16),
                List.of(new AblationRun.CurvePoint(5, metrics(early))));
    }

    private static ArmMetrics metrics(double v) {
        return new ArmMetrics(v, v, v, Double.NaN, 0.5, 1.5, 28.0, 0.9, 200);
    }
}
