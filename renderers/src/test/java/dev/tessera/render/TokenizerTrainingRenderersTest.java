package dev.tessera.render;

import dev.tessera.engine.train.TokenizerBoard;
import dev.tessera.engine.train.TokenizerBoard.Step;
import dev.tessera.engine.train.TrainingProgress;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TokenizerTrainingRenderersTest {

    private static final Path RUN = Path.of("runs/vq-test");

    /** {@code n} steps: MSE falling from 0.1, codes used rising to 0.9, perplexity 100 of 256; the first two before quantization. */
    private static List<Step> history(int n) {
        List<Step> h = new ArrayList<>();
        for (int s = 1; s <= n; s++) {
            boolean quantizing = s > 2;
            h.add(new Step(s, 0.1 / s, 0.01, quantizing ? 0.9 : Double.NaN, quantizing ? 100 : Double.NaN));
        }
        return h;
    }

    private static TrainingProgress progress(int step, int total) {
        return new TrainingProgress(step, total, 0.05, Map.of(), 2.0, step / 2.0);
    }

    @Test
    void psnrComesFromTheMseOverTheTwoWideRange() {
        assertThat(new Step(1, 0.04, 0, 0, 0).psnr()).isCloseTo(20.0, within(1e-9));   // 10 log10(4 / 0.04)
    }

    @Test
    void aRunningBoardShowsProgressNumbersBothChartsAndHowToStopIt() {
        TokenizerBoard b = new TokenizerBoard(RUN, "vq-test", 256, progress(10, 40), history(10), false, false, null);
        String html = Renderers.mimeBundle(b).get("text/html");
        assertThat(html).contains("training vq-test · step 10/40", "reconstruction PSNR", "codes used (this batch)", "90.0%",
                "100 of 256", "codebook health on each batch", "reconstruction: higher is closer to the input",
                "interrupt button");
        assertThat(html.split("<svg", -1)).hasSize(3);   // two charts
        assertThat(Renderers.mimeBundle(b).get("text/plain")).contains("step 10/40", "codes used 90%", "perplexity 100 of 256");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theHealthChartLeavesOutStepsBeforeQuantizationAndAFinishedBoardSaysHowToLoadIt() {
        Map<?, ?> data = (Map<?, ?>) TokenizerTrainingRenderers.healthChart(history(4), 256).spec().get("data");
        assertThat((List<Object>) data.get("step")).containsExactly(3, 3, 4, 4);
        assertThat((List<Object>) data.get("value")).containsExactly(90.0, 100 * 100.0 / 256, 90.0, 100 * 100.0 / 256);

        TokenizerBoard done = new TokenizerBoard(RUN, "vq-test", 256, progress(40, 40), history(40), true, false,
                Fixtures.report(1, 256, new int[] {256, 256}));
        String html = Renderers.mimeBundle(done).get("text/html");
        assertThat(html).contains("✓ finished: the tokenizer is in runs/vq-test",
                "TokenizerCheckpoint.load(Path.of(&quot;runs/vq-test&quot;))", "held-out (2 scenes): PSNR 27.5 dB")
                .doesNotContain("ETA");
        TokenizerBoard stopped = new TokenizerBoard(RUN, "vq-test", 256, progress(7, 40), history(7), true, true, null);
        assertThat(Renderers.mimeBundle(stopped).get("text/plain")).contains("⏸ interrupted", "holds every finished step");
    }
}
