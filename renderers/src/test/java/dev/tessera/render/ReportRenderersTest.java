package dev.tessera.render;

import dev.tessera.engine.prompt.PromptCategory;
import dev.tessera.engine.unified.CategoryScore;
import dev.tessera.engine.unified.GenerationReport;
import dev.tessera.engine.unified.UnifiedReport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.tessera.render.Fixtures.count;
import static org.assertj.core.api.Assertions.assertThat;

class ReportRenderersTest {

    static UnifiedReport report() {
        return new UnifiedReport(200, 0.9, 0.85, 0.8, 0.85, 0.734, 0.012, 2 / 3.0,
                Map.of("colour-of <shape>", 0.5, "count-of", 0.75), 1.25, 3.5, null);
    }

    static GenerationReport generation() {
        return new GenerationReport(List.of(
                new CategoryScore(PromptCategory.COLOURS, 2, 8, 0.5, 0.177, 0.5, 0.875, 1.0, 0.9, 0.0),
                new CategoryScore(PromptCategory.POSITION, 2, 8, 0.375, 0.171, 0.75, 1.0, 0.96, 0.9, 0.125)),
                16, 0.4375, 0.98, 0.9, 0.0625, Map.of("a red circle", 0.5, "a blue square left of a red circle", 0.25), 41.6, 3.0,
                "judge-objects32");
    }

    @Test
    void theNumbersArePercentagesWithOneDecimal() {
        Map<String, String> b = Renderers.mimeBundle(report());
        String html = b.get("text/html");
        assertThat(html).contains("200 held-out scenes").contains("85.0%", "80.0%", "90.0%", "73.4%", "1.2%", "66.7%")
                .contains(">1.250<", ">3.500<").doesNotContain("text-to-image");
        assertThat(b.get("text/plain")).isEqualTo(report().toString());
    }

    @Test
    void answersAreListedPerTemplateEscaped() {
        String html = Renderers.mimeBundle(report()).get("text/html");
        assertThat(html).contains("colour-of &lt;shape&gt;").doesNotContain("<shape>").contains("50.0%", "75.0%");
        assertThat(html.indexOf("colour-of")).isLessThan(html.indexOf("count-of"));
    }

    @Test
    void textToImageIsAddedWhenEvaluated() {
        String html = Renderers.mimeBundle(report().withGeneration(generation())).get("text/html");
        assertThat(html).contains("text-to-image", "43.8%", "98.0%", "90.0%", "16 (2 categories)", "42 ms", "3.0")
                .contains("colours", "position", "37.5%", "± 17.7", "0.88", "judge-objects32", "judge passes near misses",
                        "12.5%", "6.3%")
                .contains("every prompt (2)", "a blue square left of a red circle", "25.0%");
        assertThat(count(html, "<table")).isEqualTo(6);
    }

    @Test
    void aGenerationReportAloneIsItsTables() {
        Map<String, String> b = Renderers.mimeBundle(generation());
        assertThat(b.get("text/html")).contains("judged right").contains("43.8%");
        assertThat(b.get("text/plain")).isEqualTo(generation().toString().replace('\n', ' '));
    }
}
