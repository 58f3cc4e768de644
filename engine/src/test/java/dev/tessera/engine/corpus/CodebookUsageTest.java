package dev.tessera.engine.corpus;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CodebookUsageTest {

    private static TokenizedImage row(String source, int levels, int... ids) {
        return new TokenizedImage(source, 8, 8, "t", "h", 1, levels, ids, Double.NaN, null, null);
    }

    @Test
    void countsEachLevelApartAndSkipsErrorRows() {
        List<TokenizedImage> rows = List.of(row("a", 2, 0, 3), row("b", 2, 0, 1),
                TokenizedImage.failed("c", "t", "h", null, "broken"));
        CodebookUsage u = CodebookUsage.of(rows, 4);
        assertThat(u.images()).isEqualTo(2);
        assertThat(u.counts()[0]).containsExactly(2, 0, 0, 0);
        assertThat(u.counts()[1]).containsExactly(0, 1, 0, 1);
        assertThat(u.used(0)).isEqualTo(1);
        assertThat(u.used(1)).isEqualTo(2);
        assertThat(u.perplexity(0)).isEqualTo(1.0);
        assertThat(u.perplexity(1)).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void rowsOfAnotherCheckpointAreRefused() {
        TokenizedImage other = new TokenizedImage("x", 8, 8, "t", "other", 1, 2, new int[] {0, 0}, Double.NaN, null, null);
        assertThatThrownBy(() -> CodebookUsage.of(List.of(row("a", 2, 0, 3), other), 4)).hasMessageContaining("one tokenizer");
    }

    @Test
    void progressLinesRoundTrip() {
        CorpusProgress p = new CorpusProgress(12, 1000, 3, 4.5);
        assertThat(CorpusProgress.parse(p.line())).isEqualTo(p);
        assertThat(CorpusProgress.parse("spark: WARN something")).isNull();
        assertThat(CorpusProgress.parse(CorpusProgress.PREFIX + " 1 2")).isNull();
    }
}
