package dev.tessera.engine.data;

import dev.tessera.engine.Tessera;
import dev.tessera.engine.image.Images;
import dev.tessera.engine.image.ImageSource;
import dev.tessera.engine.unified.UnifiedModel;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How much one call measures, draws or resizes is capped before any work starts: evaluation
 * sizes, images per generate call, image sides, tokenizers per comparison.
 */
class EvaluationLimitsTest {

    @Test
    void evaluationsMeasureUpToTheHeldOutSet() {
        assertThat(EvaluationSet.checkCount(EvaluationSet.MAX_IMAGES)).isEqualTo(4096);
        assertThat(EvaluationSet.checkCount(1)).isEqualTo(1);
        assertThatThrownBy(() -> EvaluationSet.checkCount(4097)).hasMessageContaining("1..4096 held-out images, got 4097");
        assertThatThrownBy(() -> EvaluationSet.checkCount(0)).hasMessageContaining("1..4096");
        assertThatThrownBy(() -> EvaluationSet.load(EvaluationSet.Source.SCENES, 2_000_000_000, 32))
                .hasMessageContaining("1..4096");
        assertThat(EvaluationSet.load(EvaluationSet.Source.SCENES, 2, 32).images()).hasSize(2);
    }

    @Test
    void generateDrawsUpTo64Images() {
        assertThat(UnifiedModel.checkImageCount(UnifiedModel.MAX_IMAGES)).isEqualTo(64);
        assertThatThrownBy(() -> UnifiedModel.checkImageCount(65)).hasMessageContaining("1..64 images at a time, got 65");
        assertThatThrownBy(() -> UnifiedModel.checkImageCount(0)).hasMessageContaining("1..64");
    }

    @Test
    void imagesAreResizedToAtMost1024Pixels() {
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        assertThat(Images.centreSquare(img, Images.MAX_SIDE).getWidth()).isEqualTo(1024);
        assertThatThrownBy(() -> Images.centreSquare(img, 1025)).hasMessageContaining("1..1024 pixels, got 1025");
        assertThatThrownBy(() -> Tessera.load(ImageSource.parse("missing.png"), 2_000_000_000))
                .hasMessageContaining("1..1024 pixels");
        assertThatThrownBy(() -> Tessera.load(ImageSource.parse("sample:0"), 0)).hasMessageContaining("1..1024 pixels");
    }

    @Test
    void aComparisonNamesEachTokenizerOnce() {
        assertThatThrownBy(() -> Tessera.compare(List.of("vq-shapes64", "vq-shapes64"), EvaluationSet.Source.SCENES, 4))
                .hasMessageContaining("name each tokenizer to compare once");
    }
}
