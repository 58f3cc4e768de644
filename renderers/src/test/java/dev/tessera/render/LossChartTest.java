package dev.tessera.render;

import dev.tessera.engine.train.StepLoss;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.tessera.render.Fixtures.rgb;
import static org.assertj.core.api.Assertions.assertThat;

class LossChartTest {

    @Test
    void eachTaskIsADashedLineOfItsOwnColourAfterTheThreeLossLines() {
        Map<String, Object> spec = LossChart.chart(UnifiedFixtures.taskHistory(30), List.of()).spec();
        List<String> series = List.of("loss", "text NLL", "image NLL", "task: caption", "task: answer");
        assertThat(spec.get("scales")).asList().contains(
                Map.of("aesthetic", "color", "name", "", "limits", series, "values",
                        List.of(Palette.TOTAL, Palette.TEXT, Palette.IMAGE, Palette.series(0), Palette.series(1))),
                Map.of("aesthetic", "linetype", "name", "", "limits", series, "values",
                        List.of("solid", "solid", "solid", "dashed", "dashed")));
        assertThat(((Map<?, ?>) spec.get("data")).get("series")).asList().filteredOn("task: answer"::equals).hasSize(30);

        String svg = LossChart.svg(UnifiedFixtures.taskHistory(30));
        assertThat(svg).contains("task: caption", "task: answer", "stroke-dasharray", rgb(Palette.series(0)),
                rgb(Palette.series(1)), rgb(Palette.TOTAL), rgb(Palette.TEXT), rgb(Palette.IMAGE));
    }

    @Test
    void aTaskMissingFromAStepHasNoValueThere() {
        Map<?, ?> data = (Map<?, ?>) LossChart.chart(UnifiedFixtures.taskHistory(6), List.of()).spec().get("data");
        List<?> series = (List<?>) data.get("series");
        List<?> value = (List<?>) data.get("value");
        List<Object> answers = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            if (series.get(i).equals("task: answer")) {
                answers.add(value.get(i));
            }
        }
        List<StepLoss> h = UnifiedFixtures.taskHistory(6);
        // steps 3 and 6 had no answer in their batch
        assertThat(answers).containsExactly(h.get(0).tasks().get("answer"), h.get(1).tasks().get("answer"), null,
                h.get(3).tasks().get("answer"), h.get(4).tasks().get("answer"), null);
    }

    @Test
    void aSingleRunWithoutTasksDrawsTheThreeLinesAndNoRule() {
        Map<String, Object> spec = LossChart.chart(UnifiedFixtures.history(20), List.of()).spec();
        assertThat(spec.get("scales")).asList().contains(Map.of("aesthetic", "color", "name", "", "limits", LossChart.SERIES,
                "values", LossChart.COLOURS));
        assertThat(spec.get("layers")).asList().hasSize(1);
        assertThat(LossChart.svg(UnifiedFixtures.history(20))).doesNotContain("task:", "stroke-dasharray");
    }

    @Test
    void eachStageBoundaryPassedIsARuleNamedAfterTheStageStartingThere() {
        Map<String, Object> spec = LossChart.chart(UnifiedFixtures.taskHistory(1000), UnifiedFixtures.stages()).spec();
        assertThat(spec.get("layers")).asList().contains(
                Map.of("geom", "vline", "sampling", "none", "data", Map.of("rule_x", List.of(800, 900)),
                        "mapping", Map.of("xintercept", "rule_x"), "color", LossChart.RULE, "linetype", "dotted",
                        "show_legend", false),
                Map.of("geom", "text", "sampling", "none", "data", Map.of("rule_x", List.of(800, 900),
                                "rule_y", List.of(top(1000), top(1000)), "rule_label", List.of("example-weighted", "polish")),
                        "mapping", Map.of("x", "rule_x", "y", "rule_y", "label", "rule_label"), "angle", 90,
                        "hjust", "right", "vjust", "top", "size", 6, "color", LossChart.RULE, "show_legend", false));
        String svg = LossChart.svg(UnifiedFixtures.taskHistory(1000), UnifiedFixtures.stages());
        assertThat(svg).contains("example-weighted", "polish", "task: caption");

        // at step 850 the third stage has not begun: no rule for it yet (the axis keeps to the steps drawn)
        String midway = LossChart.svg(UnifiedFixtures.taskHistory(850), UnifiedFixtures.stages());
        assertThat(midway).contains("example-weighted").doesNotContain("polish");
    }

    @Test
    void aMissingValueSplitsItsLineSoTheChartShowsAGapThere() {
        List<StepLoss> h = List.of(new StepLoss(1, 3, 2, 4), new StepLoss(2, 3, 2, Double.NaN), new StepLoss(3, 3, 2, 4));
        Map<?, ?> data = (Map<?, ?>) LossChart.chart(h, List.of()).spec().get("data");
        List<?> series = (List<?>) data.get("series");
        List<?> segment = (List<?>) data.get("segment");
        List<Object> image = new java.util.ArrayList<>();
        List<Object> text = new java.util.ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            (series.get(i).equals("image NLL") ? image : series.get(i).equals("text NLL") ? text : new java.util.ArrayList<>())
                    .add(segment.get(i));
        }
        assertThat(image.get(0)).as("the image line before and after its missing step").isNotEqualTo(image.get(2));
        assertThat(text).as("the text line has no gap: one segment").containsOnly(text.get(0));
    }

    @Test
    void thinningAveragesEachTaskOverTheStepsThatHadIt() {
        List<StepLoss> h = List.of(
                new StepLoss(1, 1, 1, 1, ordered("caption", 2.0, "answer", 1.0)),
                new StepLoss(2, 1, 1, 1, Map.of("caption", 4.0)),
                new StepLoss(3, 1, 1, 1, Map.of("answer", Double.NaN)),
                new StepLoss(4, 1, 1, 1, ordered("caption", 6.0, "generate", 5.0)));
        List<StepLoss> thin = LossChart.thin(h, 2);
        assertThat(thin).extracting(StepLoss::step).containsExactly(2, 4);
        assertThat(thin.get(0).tasks()).containsOnly(Map.entry("caption", 3.0), Map.entry("answer", 1.0));
        assertThat(thin.get(1).tasks()).containsOnly(Map.entry("answer", Double.NaN), Map.entry("caption", 6.0),
                Map.entry("generate", 5.0));
        assertThat(LossChart.tasks(h)).containsExactly("caption", "answer", "generate");
    }

    @Test
    void theUniformGuessIsADottedRuleAtLnVWhereAFreshRunsCurvesStart() {
        // the fixture starts at 9 nats total, 9.9 image: above ln 1375 = 7.23
        Map<String, Object> spec = LossChart.chart(UnifiedFixtures.history(20), List.of(), 1375).spec();
        List<?> layers = (List<?>) spec.get("layers");
        Map<?, ?> rule = (Map<?, ?>) layers.stream().filter(l -> "hline".equals(((Map<?, ?>) l).get("geom"))).findFirst()
                .orElseThrow();
        assertThat(((Map<?, ?>) rule.get("data")).get("rule_y")).isEqualTo(List.of(Math.log(1375)));
        assertThat(rule.get("linetype")).isEqualTo("dotted");
        assertThat(LossChart.svg(UnifiedFixtures.history(20), List.of(), 1375))
                .contains("uniform guess: ln 1375 = 7.2 nats");
    }

    @Test
    void noUniformRuleWhenNoCurveReachesItOrTheVocabularyIsUnknown() {
        List<StepLoss> trained = new ArrayList<>();
        for (int s = 1; s <= 20; s++) {
            trained.add(new StepLoss(s, 1.0, 0.8, 1.2));  // a run from trained weights, far below ln V
        }
        assertThat(layerGeoms(LossChart.chart(trained, List.of(), 1375))).doesNotContain("hline");
        assertThat(layerGeoms(LossChart.chart(UnifiedFixtures.history(20), List.of(), 0))).doesNotContain("hline");
        assertThat(LossChart.svg(trained, List.of(), 1375)).doesNotContain("uniform guess");
    }

    private static List<Object> layerGeoms(Chart chart) {
        return ((List<?>) chart.spec().get("layers")).stream().map(l -> ((Map<?, ?>) l).get("geom")).map(Object.class::cast)
                .toList();
    }

    /** The highest loss drawn for {@code n} steps of the task history: where the stage names sit. */
    private static double top(int n) {
        return LossChart.thin(UnifiedFixtures.taskHistory(n), LossChart.MAX_POINTS).stream()
                .mapToDouble(StepLoss::imageNll).max().orElseThrow();
    }

    /** Two entries in this order (Map.of has no order, which differs between JVMs). */
    private static Map<String, Double> ordered(String k1, double v1, String k2, double v2) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }
}
