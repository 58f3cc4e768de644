package dev.tessera.engine.train;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TrainingProgressTest {

    @Test
    void thePrintedLineKeepsTheTrainersOrderOfLossPartsAndNamesTheTokenRateOnlyWhenCounted() {
        Map<String, Double> parts = new LinkedHashMap<>();
        parts.put("text", 1.0);
        parts.put("image", 4.5);
        parts.put("aaa", 0.25);
        TrainingProgress unified = new TrainingProgress(10, 40, 3.0, parts, 2.0, 5.0, 8000);
        assertThat(unified.toString())
                .isEqualTo("step 10/40 loss 3.00000 text 1.00000 image 4.50000 aaa 0.25000 | 2.00 steps/s, 8000 tokens/s, eta 15s | 0 skipped steps");
        assertThat(unified.parts().keySet()).containsExactly("text", "image", "aaa");
        assertThat(new TrainingProgress(10, 40, 3.0, Map.of(), 2.0, 5.0).toString())
                .isEqualTo("step 10/40 loss 3.00000 | 2.00 steps/s, eta 15s | 0 skipped steps");
        assertThat(new TrainingProgress(10, 40, 3.0, Map.of(), 2.0, 5.0, 0, 1).toString())
                .endsWith("eta 15s | 1 skipped step");
    }

    @Test
    void fractionAndTimeLeft() {
        TrainingProgress p = new TrainingProgress(10, 40, 1, Map.of(), 0, 1);
        assertThat(p.fraction()).isEqualTo(0.25);
        assertThat(p.etaSeconds()).isNaN();
    }
}
