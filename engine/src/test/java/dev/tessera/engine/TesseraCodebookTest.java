package dev.tessera.engine;

import dev.tessera.engine.eval.CodebookReport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TesseraCodebookTest {

    @Test
    void anFsqCodebookReportsItsGridAndALearnedOneNone() {
        CodebookReport fsq = Tessera.codebook("fsq-shapes64", 8);
        assertThat(fsq.gridLevels()).containsExactly(8, 6, 5);
        assertThat(fsq.atlas()).hasSize(240);
        CodebookReport vq = Tessera.codebook("vq-shapes64", 8);
        assertThat(vq.gridLevels()).isEmpty();
        assertThat(vq.atlas()).hasSize(256);
    }
}
