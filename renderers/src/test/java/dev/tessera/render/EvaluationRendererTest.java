package dev.tessera.render;

import dev.tessera.engine.unified.EvaluationBoard;
import dev.tessera.engine.unified.ModelEvaluation;
import dev.tessera.engine.unified.TaskAccuracy;
import dev.tessera.engine.unified.UnifiedReport;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.tessera.render.Fixtures.count;
import static dev.tessera.render.Fixtures.rgb;
import static org.assertj.core.api.Assertions.assertThat;

class EvaluationRendererTest {

    static final List<String> TASKS = List.of("caption", "answer", "how-many", "generate");

    /** A model's row with made-up numbers: accuracies in the order of {@link #TASKS}. */
    static ModelEvaluation row(String model, double[] accuracy, double textNll, double imageNll, double seconds,
                               boolean samples) {
        Map<String, Double> acc = new LinkedHashMap<>();
        for (int i = 0; i < TASKS.size(); i++) {
            acc.put(TASKS.get(i), accuracy[i]);
        }
        UnifiedReport heldOut = new UnifiedReport(64, 0.9, 0.9, 0.9, accuracy[0], 0.8, 0, accuracy[1], Map.of(), textNll,
                imageNll, null);
        if (!samples) {
            return new ModelEvaluation(model, acc, heldOut, List.of(), List.of(), List.of(), List.of(), seconds);
        }
        TaskAccuracy howMany = new TaskAccuracy("how-many", 64, 40, accuracy[2], 0.7, List.of(
                new TaskAccuracy.Sample(0, "two", "two"), new TaskAccuracy.Sample(1, "three", "four")));
        return new ModelEvaluation(model, acc, heldOut, List.of(howMany),
                List.of(new ModelEvaluation.CaptionSample(UnifiedFixtures.caption(), "a red circle", true),
                        new ModelEvaluation.CaptionSample(UnifiedFixtures.caption(), "a red square", false)),
                List.of(new ModelEvaluation.AnswerSample(UnifiedFixtures.answer("what colour is the circle?"), "colour-of-shape",
                        "blue")),
                List.of(new ModelEvaluation.GeneratedSample("a red circle", UnifiedFixtures.red(), true, "a red circle"),
                        new ModelEvaluation.GeneratedSample("a green square", UnifiedFixtures.red(), false, "two red circles")),
                seconds);
    }

    static EvaluationBoard board() {
        return new EvaluationBoard(TASKS, 64, List.of(
                row("unified-shapes32", new double[] {0.969, 0.891, 0.625, 0.905}, 0.065, 1.139, 3.4, true),
                row("runs/<mine>", new double[] {0.5, 0.25, 0.125, 0.0}, 1.5, 4.25, 75, true)));
    }

    /** The cells of every body row of the board's table, tags inside a cell kept. */
    static List<List<String>> cells(String html) {
        String table = html.substring(html.indexOf("<table class=\"tessera-evaluation-table\">"));
        table = table.substring(table.indexOf("<tbody>"), table.indexOf("</table>"));
        List<List<String>> rows = new ArrayList<>();
        for (String tr : table.split("<tr>")) {
            Matcher m = Pattern.compile("<td[^>]*>(.*?)</td>").matcher(tr);
            List<String> row = new ArrayList<>();
            while (m.find()) {
                row.add(m.group(1));
            }
            if (!row.isEmpty()) {
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void theTableHasARowPerModelWithEachTasksAccuracyNllAndTime() {
        String html = Renderers.mimeBundle(board()).get("text/html");
        assertThat(html).contains("2 models · 64 held-out scenes · caption, answer, how-many, generate");
        String head = html.substring(html.indexOf("<thead>"), html.indexOf("</thead>"));
        assertThat(head).containsSubsequence(">model<", ">caption<", "attributes right", ">answer<", "answers exact",
                ">how-many<", "answers exact", ">generate<", "judged right", ">text NLL<", ">image NLL<", ">time<");
        List<List<String>> rows = cells(html);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).hasSize(8);
        assertThat(rows.get(0).get(0)).isEqualTo("<b>unified-shapes32</b>");
        assertThat(rows.get(0).subList(1, 5)).satisfiesExactly(
                c -> assertThat(c).endsWith("&nbsp;96.9%"), c -> assertThat(c).endsWith("&nbsp;89.1%"),
                c -> assertThat(c).endsWith("&nbsp;62.5%"), c -> assertThat(c).endsWith("&nbsp;90.5%"));
        assertThat(rows.get(0).subList(5, 8)).containsExactly("0.065", "1.139", "3s");
        assertThat(rows.get(1).get(0)).as("a model name is escaped").isEqualTo("<b>runs/&lt;mine&gt;</b>");
        assertThat(rows.get(1).subList(1, 5)).satisfiesExactly(
                c -> assertThat(c).endsWith("&nbsp;50.0%"), c -> assertThat(c).endsWith("&nbsp;25.0%"),
                c -> assertThat(c).endsWith("&nbsp;12.5%"), c -> assertThat(c).endsWith("&nbsp;0.0%"));
        assertThat(rows.get(1).subList(5, 8)).containsExactly("1.500", "4.250", "1m 15s");
    }

    @Test
    void theChartGroupsTheBarsByTaskWithTheModelsSideBySide() {
        Map<String, Object> spec = AccuracyChart.chart(board()).spec();
        Map<?, ?> data = (Map<?, ?>) spec.get("data");
        assertThat(data.get("task")).asList().containsExactly("caption", "caption", "answer", "answer", "how-many",
                "how-many", "generate", "generate");
        assertThat(data.get("model")).asList().containsExactly("unified-shapes32", "runs/<mine>", "unified-shapes32",
                "runs/<mine>", "unified-shapes32", "runs/<mine>", "unified-shapes32", "runs/<mine>");
        assertThat(data.get("accuracy")).asList().map(v -> Math.round((Double) v * 10) / 10.0)
                .containsExactly(96.9, 50.0, 89.1, 25.0, 62.5, 12.5, 90.5, 0.0);
        assertThat(spec.get("mapping")).isEqualTo(Map.of("x", "task", "y", "accuracy", "fill", "model"));
        assertThat(spec.get("layers")).asList().singleElement().asInstanceOf(
                        org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("geom", "bar").containsEntry("stat", "identity").containsEntry("position", "dodge");
        assertThat(spec.get("scales")).asList().contains(Map.of("aesthetic", "fill", "name", "",
                "limits", List.of("unified-shapes32", "runs/<mine>"), "values", List.of(Palette.series(0), Palette.series(1))));

        String svg = Renderers.mimeBundle(board()).get("text/html");
        assertThat(svg).contains("<svg", "accuracy by task", "how-many", "unified-shapes32", "runs/&lt;mine&gt;",
                rgb(Palette.series(0)), rgb(Palette.series(1)));
    }

    @Test
    void samplesShowWhatEachModelWroteTheFirstModelsOpen() {
        String html = Renderers.mimeBundle(board()).get("text/html");
        assertThat(count(html, "<details")).isEqualTo(2);
        assertThat(count(html, "<details open>")).isEqualTo(1);
        assertThat(html).containsSubsequence("<details open><summary", "what unified-shapes32 wrote and drew",
                "<details><summary", "what runs/&lt;mine&gt; wrote and drew");
        String first = html.substring(html.indexOf("<details open>"), html.indexOf("</details>"));
        // a right caption shows no expected text; a wrong one does
        assertThat(first).containsSubsequence("captions", "&#10003;</span> a red circle", "&#10007;</span> a red circle",
                "expected: a red square");
        assertThat(count(first, "expected: a red circle")).isZero();
        assertThat(first).containsSubsequence("answers", "Q: what colour is the circle?", "&#10007;</span> A: red",
                "expected: blue");
        assertThat(first).containsSubsequence("text-to-image", "&ldquo;a red circle&rdquo;", "judge: right",
                "&ldquo;a green square&rdquo;", "judge: wrong", "judge saw: two red circles");
        assertThat(first).containsSubsequence("task how-many: 62.5% exact, 70.0% of the target's ids right", "#0", "two",
                "&#10003;</span> two", "#1", "three",
                "&#10007;</span> four");
        // 2 captions + 1 answer + 2 drawings per model, each a 32 px image enlarged to 96 px
        List<String> pngs = UnifiedFixtures.pngs(first);
        assertThat(pngs).hasSize(5);
        assertThat(Fixtures.png(pngs.get(0)).getWidth()).isEqualTo(96);
    }

    @Test
    void aBoardWithoutSamplesIsTheTableAndTheChartOnly() {
        EvaluationBoard b = new EvaluationBoard(List.of("caption", "answer", "how-many", "generate"), 8,
                List.of(row("unified-shapes32", new double[] {1, 1, 1, 1}, 0.1, 1, 2, false)));
        String html = Renderers.mimeBundle(b).get("text/html");
        assertThat(html).contains("1 model · 8 held-out scenes").contains("<svg").doesNotContain("<details");
        assertThat(cells(html).get(0).subList(1, 5)).allSatisfy(c -> assertThat(c).endsWith("100.0%"));
    }

    @Test
    void thePlainTextIsOneLinePerBoardWithEveryNumber() {
        Map<String, String> bundle = Renderers.mimeBundle(board());
        assertThat(bundle).containsOnlyKeys("text/html", "text/plain");
        assertThat(bundle.get("text/plain")).isEqualTo(board().toString()).isEqualTo(
                "2 models on 64 held-out scenes: unified-shapes32: caption 96.9%, answer 89.1%, how-many 62.5%, "
                        + "generate 90.5%, text NLL 0.065, image NLL 1.139 (3.4 s); runs/<mine>: caption 50.0%, answer 25.0%, "
                        + "how-many 12.5%, generate 0.0%, text NLL 1.500, image NLL 4.250 (75.0 s)");
    }
}
