package dev.tessera.render;

import dev.tessera.engine.corpus.CodebookUsage;
import dev.tessera.engine.corpus.CorpusBoard;
import dev.tessera.engine.corpus.CorpusProgress;
import dev.tessera.engine.corpus.CorpusRun;
import dev.tessera.engine.corpus.CorpusTokenizeResult;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CorpusRenderersTest {

    private static final CorpusRun RUN = new CorpusRun(List.of("photos/<raw>"), Path.of("shards"), "photo-64", "local[2]", true, false);

    private static CorpusTokenizeResult result(boolean interrupted) {
        CodebookUsage usage = new CodebookUsage("photo-64", "ab".repeat(32), 4, 3, new long[][] {{5, 0, 1, 0}});
        return new CorpusTokenizeResult("shards", "photo-64", "ab".repeat(32), 1007, 17, 12.5, "local[2]", usage, 24.31,
                List.of("a.txt is not an image <b>", "b.png is broken"), interrupted);
    }

    @Test
    void theBoardShowsFilesDoneErrorsAndSpeedWhileRunning() {
        Map<String, String> b = Renderers.mimeBundle(new CorpusBoard(RUN, new CorpusProgress(250, 1000, 4, 10), null));
        assertThat(b.get("text/html")).contains("250 of 1000 files (25.0%)").contains("4 error rows").contains("25.0 files/s")
                .contains("ETA").contains("photos/&lt;raw&gt;").doesNotContain("<raw>");
        assertThat(Renderers.mimeBundle(new CorpusBoard(RUN, null, null)).get("text/html")).contains("starting Spark");
        assertThat(Renderers.mimeBundle(new CorpusBoard(RUN, null, result(true))).get("text/html")).contains("--resume continues");
    }

    @Test
    void theResultShowsRowsErrorsSpeedPsnrAndUsageWithItsErrorsEscaped() {
        Map<String, String> b = Renderers.mimeBundle(result(false));
        assertThat(b.get("text/html")).contains("1007").contains("17").contains("80.6 files/s").contains("24.31 dB")
                .contains("2 of 4").contains("a.txt is not an image &lt;b&gt;").contains("weights abababababab");
        assertThat(b.get("text/plain")).contains("1007 files -> shards (17 error rows)");
    }
}
