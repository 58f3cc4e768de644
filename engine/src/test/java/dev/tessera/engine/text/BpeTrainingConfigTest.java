package dev.tessera.engine.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BpeTrainingConfigTest {

    @Test
    void presetsAreValid() {
        assertThat(BpeTrainingConfig.captions()).isEqualTo(new BpeTrainingConfig(512, 2));
        assertThat(BpeTrainingConfig.tiny().vocabSize()).isBetween(256, 512);
        assertThat(BpeTrainingConfig.captions().withVocabSize(1024).withMinFrequency(5))
                .isEqualTo(new BpeTrainingConfig(1024, 5));
    }

    @Test
    void badValuesNameTheValidRange() {
        assertThatThrownBy(() -> new BpeTrainingConfig(255, 1)).hasMessageContaining("256..65536");
        assertThatThrownBy(() -> new BpeTrainingConfig(65537, 1)).hasMessageContaining("256..65536");
        assertThatThrownBy(() -> new BpeTrainingConfig(512, 0)).hasMessageContaining(">= 1");
    }
}
