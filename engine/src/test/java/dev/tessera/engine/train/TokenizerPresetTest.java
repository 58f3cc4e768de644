package dev.tessera.engine.train;

import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.tokenize.GridTokenizer;
import dev.tessera.engine.tokenize.TokenGrid;
import dev.tessera.engine.tokenize.TrainableTokenizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TokenizerPresetTest {

    @ParameterizedTest
    @CsvSource({"rvq2-shapes32, 2", "rvq4-shapes32, 4"})
    void theResidualShapes32PresetsWriteEightByEightPositionsOfTheirDepth(String name, int depth) {
        TokenizerPreset p = TokenizerPreset.parse(name);
        assertThat(p.id()).isEqualTo(name);
        assertThat(p.recipe()).isEqualTo(TokenizerPreset.VQ_SHAPES32.recipe());
        try (TrainableTokenizer<?> t = p.create(3)) {
            GridTokenizer g = (GridTokenizer) t;
            assertThat(g.name()).isEqualTo(name);
            assertThat(g.imageSize()).isEqualTo(32);
            assertThat(g.depth()).isEqualTo(depth);
            assertThat(g.codebookSize()).isEqualTo(256);
            TokenGrid grid = g.encode(List.of(new SceneGenerator(new SceneConfig(32, 1, 3, 5)).scene(0).image())).get(0);
            assertThat(grid.rows()).isEqualTo(8);
            assertThat(grid.cols()).isEqualTo(8);
            assertThat(grid.depth()).isEqualTo(depth);
            assertThat(grid.count()).as("LM positions per image").isEqualTo(64);
        }
    }

    @org.junit.jupiter.api.Test
    void everyPresetKnowsItsCodebookSizeAndNameBeforeItIsBuilt() {
        for (TokenizerPreset p : TokenizerPreset.values()) {
            try (TrainableTokenizer<?> t = p.create(1)) {
                assertThat(t.codebookSize()).as(p.id()).isEqualTo(p.codebookSize());
                assertThat(t.name()).isEqualTo(p.id());
            }
        }
        assertThat(TokenizerPreset.ids()).contains("vq-shapes64", "fsq-shapes32", "setok-shapes64", "tiny");
    }

    /** photo-64 keeps within the 4,096 bits an image its issue allows, and trains on photo crops. */
    @org.junit.jupiter.api.Test
    void thePhotoPresetStaysWithinItsBitBudgetAndTrainsOnPhotographs() {
        TokenizerPreset p = TokenizerPreset.parse("photo-64");
        assertThat(p.photographs()).isTrue();
        assertThat(256 * Math.log(p.codebookSize()) / Math.log(2)).isLessThanOrEqualTo(4096).isGreaterThan(4000);
        assertThat(p.trainingImages(3)).isInstanceOf(dev.tessera.engine.data.PhotoCrops.class);
        assertThat(p.trainingImages(3).size()).isEqualTo(64);
        assertThat(TokenizerPreset.VQ_SHAPES64.photographs()).isFalse();
        assertThat(TokenizerPreset.VQ_SHAPES64.trainingImages(3)).isInstanceOf(dev.tessera.engine.data.TrainingImages.SceneImages.class);
    }
}
