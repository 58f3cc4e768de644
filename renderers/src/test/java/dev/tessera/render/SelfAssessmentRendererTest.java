package dev.tessera.render;

import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.prompt.PromptCategory;
import dev.tessera.engine.unified.SelfAssessmentSummary;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.tessera.render.Fixtures.count;
import static org.assertj.core.api.Assertions.assertThat;

class SelfAssessmentRendererTest {

    @Test
    void theAlignedSharesAreATableAndOnlyAMisalignedDrawingShowsItsCorrection() {
        RgbImage red = UnifiedFixtures.red();
        var examples = List.of(
                new SelfAssessmentSummary.Example(PromptCategory.SINGLE_OBJECT, "a red circle", red, true,
                        "yes, it shows a red circle", red),
                new SelfAssessmentSummary.Example(PromptCategory.COUNTING, "two <red> squares", red, false,
                        "no, it shows a red square: too few objects", red));
        var s = new SelfAssessmentSummary("illume-shapes32", "assessor-tokens32", 8, 0.25,
                Map.of(PromptCategory.SINGLE_OBJECT, 0.5, PromptCategory.COUNTING, 0.0), "they agree on 80.0%", "cmd", examples);
        Map<String, String> b = Renderers.mimeBundle(s);
        assertThat(b.get("text/html")).contains("8 drawings by illume-shapes32", "assessed by assessor-tokens32",
                PromptCategory.COUNTING.words(), "50.0%", "25.0%", "they agree on 80.0%", "&#10003; yes, it shows a red circle",
                "&#10007; no, it shows a red square: too few objects", "two &lt;red&gt; squares", "drawn · correction");
        assertThat(count(b.get("text/html"), "<img")).as("one drawing each, one correction").isEqualTo(3);
        assertThat(b.get("text/plain")).contains("8 drawings by illume-shapes32, 25.0% aligned by assessor-tokens32",
                "they agree on 80.0%");
    }
}
