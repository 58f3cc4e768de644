package dev.tessera.render;

import dev.tessera.engine.unified.UnifiedTrainingResult;
import dev.tessera.engine.train.TrainingBoard;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RenderersTest {

    @Test
    void everyResultTypeIsClaimedAndDrawnRichestFirst() {
        for (Object result : List.of(Fixtures.knownGrid(), Fixtures.residual(2),
                Fixtures.result(Fixtures.scene(), Fixtures.quadrants(), Fixtures.scene(), List.of()),
                Fixtures.codebook(16, 1), Fixtures.comparison())) {
            assertThat(Renderers.supports(result)).isTrue();
            Map<String, String> b = Renderers.mimeBundle(result);
            assertThat(b.keySet()).as(result.getClass().getSimpleName()).containsExactly("text/html", "image/png", "text/plain");
            assertThat(b.get("text/html")).contains("data:image/png;base64,");
            assertThat(b.get("text/plain")).doesNotContain("\n");
        }
    }

    @Test
    void everyUnifiedResultIsClaimedWithHtmlFirstAndOneLineOfPlainText() {
        for (Object result : List.of(UnifiedFixtures.caption(), UnifiedFixtures.answer("what colour is the circle?"),
                UnifiedFixtures.generation("a red circle", 2), UnifiedFixtures.captionSequence(),
                UnifiedFixtures.running(3, 10), new TrainingBoard(Path.of("runs/x"), null, List.of(), false, false),
                new UnifiedTrainingResult(10, false, 5, UnifiedFixtures.history(10), 1000, 0),
                ReportRenderersTest.report(), ReportRenderersTest.report().withGeneration(ReportRenderersTest.generation()),
                ReportRenderersTest.generation(), UnifiedFixtures.staged(840, false, false),
                CurriculumRendererTest.threeStages(), EvaluationRendererTest.board())) {
            String name = result.getClass().getSimpleName();
            assertThat(Renderers.supports(result)).as(name).isTrue();
            Map<String, String> b = Renderers.mimeBundle(result);
            assertThat(b.keySet()).as(name).startsWith("text/html").endsWith("text/plain");
            assertThat(b.get("text/html")).as(name).startsWith("<div class=\"tessera-").endsWith("</div>");
            assertThat(b.get("text/plain")).as(name).isNotBlank().doesNotContain("\n");
        }
    }

    @Test
    void otherObjectsAreNotClaimed() {
        assertThat(Renderers.supports("a string")).isFalse();
        assertThat(Renderers.supports(null)).isFalse();
        assertThat(Renderers.mimeBundle(42)).isNull();
    }

    @Test
    void paletteTextIsReadable() {
        assertThat(Palette.textOn(Color.WHITE)).isEqualTo(Color.BLACK);
        assertThat(Palette.textOn(Color.BLACK)).isEqualTo(Color.WHITE);
        assertThat(Palette.code(1)).isNotEqualTo(Palette.code(2));
        assertThat(Palette.level(0)).isNotEqualTo(Palette.level(1)).matches("#[0-9a-f]{6}");
    }

    @Test
    void theWarmUpDrawsATokenGridWithoutATensorEngine() {
        // the kernel runs it on a daemon thread at %use tessera, while the engine may still be loading
        org.assertj.core.api.Assertions.assertThatCode(Renderers::warmUp).doesNotThrowAnyException();
    }
}
