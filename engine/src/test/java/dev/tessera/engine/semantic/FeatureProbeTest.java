package dev.tessera.engine.semantic;

import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.tokenize.GridTokenizer;
import dev.tessera.engine.tokenize.TokenizerConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeatureProbeTest {

    /** Each 4x4 cell's mean colour, background mixed in: a linear probe names most colours from it. */
    private static final Function<List<RgbImage>, float[][][]> MEAN_COLOUR = images -> {
        float[][][] out = new float[images.size()][64][3];
        for (int i = 0; i < images.size(); i++) {
            RgbImage img = images.get(i);
            for (int p = 0; p < 64; p++) {
                for (int c = 0; c < 3; c++) {
                    float sum = 0;
                    for (int dy = 0; dy < 4; dy++) {
                        for (int dx = 0; dx < 4; dx++) {
                            sum += img.at(c, (p % 8) * 4 + dx, (p / 8) * 4 + dy);
                        }
                    }
                    out[i][p][c] = sum / 16;
                }
            }
        }
        return out;
    };

    @Test
    void colourIsReadFromMeanColoursAndNothingFromConstantFeatures() {
        FeatureProbe.Report colour = FeatureProbe.measure("mean colour", MEAN_COLOUR, 32, 8, 256);
        assertThat(colour.objects()).isGreaterThan(100);
        assertThat(colour.colour()).isGreaterThan(0.8);
        FeatureProbe.Report constant = FeatureProbe.measure("constant", images -> {
            float[][][] out = new float[images.size()][64][2];
            for (float[][] img : out) {
                for (float[] f : img) {
                    f[0] = 1;
                    f[1] = 2;
                }
            }
            return out;
        }, 32, 8, 256);
        // with nothing to read, the probe can only name one class: at most the commonest one's share
        assertThat(constant.colour()).isLessThan(0.3);
        assertThat(constant.shape()).isLessThan(0.5);
        assertThatThrownBy(() -> FeatureProbe.measure("x", MEAN_COLOUR, 32, 8, 2)).hasMessageContaining("at least 4 scenes");
    }

    @Test
    void idStabilityIsAShareAndRepeatsExactly() {
        try (GridTokenizer t = GridTokenizer.create("tiny", TokenizerConfig.tiny(), 3)) {
            FeatureProbe.Stability s = FeatureProbe.stability("tiny", t, 16);
            assertThat(s.objectIdsKept()).isBetween(0.0, 1.0);
            assertThat(s.allIdsKept()).isBetween(0.0, 1.0);
            assertThat(FeatureProbe.stability("tiny", t, 16)).isEqualTo(s);
        }
    }
}
