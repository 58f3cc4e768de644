package dev.tessera.render;

import dev.tessera.engine.curriculum.Curricula;
import dev.tessera.engine.curriculum.Curriculum;
import dev.tessera.engine.curriculum.Stage;
import dev.tessera.engine.lm.LossWeighting;
import dev.tessera.engine.task.TaskMix;
import dev.tessera.engine.unified.UnifiedTrainingConfig;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CurriculumRendererTest {

    private static final Pattern ROW = Pattern.compile("<tr>(.*?)</tr>");
    private static final Pattern CELL = Pattern.compile("<td[^>]*>(.*?)</td>");
    private static final Pattern SEGMENT = Pattern.compile("title=\"([^\"]*)\" style=\"flex:none;width:([0-9.]+)%");

    /** Three stages of 600, 300 and 100 steps: the last one freezes all but the text embeddings and trains answers only. */
    static Curriculum threeStages() {
        UnifiedTrainingConfig base = UnifiedTrainingConfig.smoke();
        return new Curriculum("three", "A test: <everything> then answers.", "tiny", List.of(
                new Stage("all", Stage.FRESH, base.withSteps(600)),
                new Stage("examples", Stage.PREVIOUS, base.withSteps(300).withWeighting(LossWeighting.EXAMPLE)
                        .withLearningRate(3e-4)),
                new Stage("answers", Stage.PREVIOUS, base.withSteps(100).withMix(new TaskMix(Map.of("answer", 2.0), 0.1))
                        .withTrainable(List.of("text-embeddings", "blocks.3.*")))));
    }

    @Test
    void theTableHasOneRowPerStageWithItsRecipe() {
        String html = Renderers.mimeBundle(threeStages()).get("text/html");
        assertThat(html).startsWith("<div class=\"tessera-curriculum\"")
                .contains(">curriculum three · model tiny · 3 stages · 1,000 steps<")
                .contains(">A test: &lt;everything&gt; then answers.<");
        for (String h : CurriculumRenderer.HEADER) {
            assertThat(html).contains("<th style=\"text-align:left;padding:2px 8px\">" + Html.escape(h) + "</th>");
        }
        UnifiedTrainingConfig smoke = UnifiedTrainingConfig.smoke();
        String batch = String.valueOf(smoke.batchSize());
        String seed = String.valueOf(smoke.seed());
        String warmup = String.valueOf(smoke.warmupSteps());
        String balanced = "caption&nbsp;1, generate&nbsp;1, answer&nbsp;1<div style=\"color:#6e6e6e\">prompt dropout 10.0%</div>";
        assertThat(rows(html)).containsExactly(
                List.of("1", "all", "fresh", balanced, "everything", "600", batch, Format.number(smoke.learningRate()), warmup,
                        "token", seed),
                List.of("2", "examples", "previous", balanced, "everything", "300", batch, "0.0003", warmup, "example", seed),
                List.of("3", "answers", "previous", "answer&nbsp;2", "text-embeddings, blocks.3.*", "100", batch,
                        Format.number(smoke.learningRate()), warmup, "token", seed));
    }

    @Test
    void theTimelineSplitsIntoStagesInProportionToTheirSteps() {
        String html = Renderers.mimeBundle(threeStages()).get("text/html");
        Matcher m = SEGMENT.matcher(html.substring(html.indexOf("tessera-timeline")));
        List<String> titles = new ArrayList<>();
        List<Double> widths = new ArrayList<>();
        while (m.find()) {
            titles.add(m.group(1));
            widths.add(Double.parseDouble(m.group(2)));
        }
        assertThat(titles).containsExactly("1 · all, 600 steps", "2 · examples, 300 steps", "3 · answers, 100 steps");
        assertThat(widths).containsExactly(60.0, 30.0, 10.0);
        assertThat(html).contains("background:" + Palette.series(0), "background:" + Palette.series(1),
                "background:" + Palette.series(2));
    }

    @Test
    void theShippedScenesCurriculumShowsBothStagesToScale() {
        Curriculum scenes = Curricula.get("scenes");
        Map<String, String> b = Renderers.mimeBundle(scenes);
        assertThat(b.keySet()).containsExactly("text/html", "text/plain");
        String html = b.get("text/html");
        assertThat(html).contains(Html.escape(scenes.description()));
        Matcher m = SEGMENT.matcher(html);
        List<Double> widths = new ArrayList<>();
        while (m.find()) {
            widths.add(Double.parseDouble(m.group(2)));
        }
        int total = scenes.totalSteps();
        assertThat(widths).hasSize(scenes.stages().size());
        for (int k = 0; k < widths.size(); k++) {
            assertThat(widths.get(k)).isCloseTo(100.0 * scenes.stages().get(k).training().steps() / total, within(0.05));
        }
        assertThat(rows(html)).extracting(r -> r.get(1)).containsExactly("tasks", "example-weighted");
    }

    @Test
    void thePlainTextIsOneLineWithEveryStage() {
        String plain = Renderers.mimeBundle(threeStages()).get("text/plain");
        assertThat(plain).doesNotContain("\n").startsWith("curriculum three · model tiny · 3 stages · 1,000 steps: A test: "
                + "<everything> then answers. | stage 1 all from fresh: 600 steps of caption 1, generate 1, answer 1; "
                + "prompt dropout 10.0%, trains everything, batch ")
                .contains("; stage 2 examples from previous: 300 steps of ", ", lr 0.0003, ", "example weighting")
                .contains("; stage 3 answers from previous: 100 steps of answer 2, trains text-embeddings, blocks.3.*, batch ");
    }

    /** The cells of every body row of {@code html}'s table. */
    private static List<List<String>> rows(String html) {
        List<List<String>> rows = new ArrayList<>();
        Matcher r = ROW.matcher(html.substring(html.indexOf("<tbody>")));
        while (r.find()) {
            List<String> cells = new ArrayList<>();
            Matcher c = CELL.matcher(r.group(1));
            while (c.find()) {
                cells.add(c.group(1));
            }
            rows.add(cells);
        }
        return rows;
    }

    @Test
    void theShippedUnicodeAndTealCurriculaShowTheTokenizersAlignmentAndTheTextGuard() {
        String unicode = Renderers.mimeBundle(dev.tessera.engine.curriculum.Curricula.get("unicode")).get("text/html");
        assertThat(unicode).contains("model small-unicode",
                "everything; tokenizer codebook learns, alignment one-way every 25 steps, lambda 0.9");
        assertThat(unicode).doesNotContain("text guard");
        var teal = dev.tessera.engine.curriculum.Curricula.get("teal");
        assertThat(Renderers.mimeBundle(teal).get("text/html")).contains("text guard: held-out text perplexity of 256 passages "
                + "before the first stage and after each, flagged when a stage raises it by more than 2.0%",
                "image-embedding, output, projections, biases-and-norms");
        assertThat(Renderers.mimeBundle(teal).get("text/plain")).contains(" | text guard: ");
    }
}
