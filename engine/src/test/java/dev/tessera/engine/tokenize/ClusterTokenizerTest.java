package dev.tessera.engine.tokenize;

import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.train.TokenizerTrainer;
import dev.tessera.engine.train.TokenizerTrainingConfig;
import dev.tessera.engine.train.TokenizerTrainingResult;
import dev.tessera.engine.train.LossFalls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterTokenizerTest {

    /** As {@link ImageTokenizerContractTest#falls}: mean of the last 10 losses below half the mean of the first 5. */
    static final LossFalls FALLS = ImageTokenizerContractTest.falls(10);

    @TempDir
    Path dir;

    private static List<RgbImage> images(int n) {
        return new SceneGenerator(SceneConfig.scenes64(2).withSize(16)).scenes(0, n).stream().map(Scene::image).toList();
    }

    @Test
    void encodeGivesAVariableTokenSetCoveringEveryPatch() {
        try (ClusterTokenizer t = ClusterTokenizer.create("setok", ClusterTokenizerConfig.tiny(), 1)) {
            for (TokenSet s : t.encode(images(4))) {
                assertThat(s.side()).isEqualTo(4);
                assertThat(s.assignment()).hasSize(16);
                assertThat(s.count()).isBetween(1, 8);
                assertThat(java.util.Arrays.stream(s.sizes()).sum()).isEqualTo(16);
                assertThat(s.centres()).isSorted();
                for (int j = 0; j < s.count(); j++) {
                    assertThat(s.assignment()[s.centres()[j]]).as("a centre belongs to its own cluster").isEqualTo(j);
                }
            }
        }
    }

    @Test
    void trainsWithoutThenWithQuantizationAndRoundTripsThroughACheckpoint() {
        Path folder = dir.resolve("setok");
        List<RgbImage> imgs = images(3);
        try (ClusterTokenizer t = ClusterTokenizer.create("setok", ClusterTokenizerConfig.tiny(), 1)) {
            TokenizerTrainingResult r = new TokenizerTrainer(t, TokenizerTrainingConfig.smoke().withQuantizerWarmup(10),
                    SceneConfig.scenes64(0).withSize(16)).checkpointTo(folder, Map.of()).run();
            assertThat(FALLS.holds(r.reconstructionLoss())).as("losses %s", r.reconstructionLoss()).isTrue();
            assertThat(r.skippedSteps()).isZero();
            List<TokenSet> sets = t.encode(imgs);
            List<RgbImage> decoded = t.decode(sets);
            assertThat(decoded.get(0).width()).isEqualTo(16);
            try (ClusterTokenizer back = TokenizerCheckpoint.load(folder, ClusterTokenizer.class)) {
                assertThat(back.config()).isEqualTo(t.config());
                assertThat(back.encode(imgs)).isEqualTo(sets);
                assertThat(back.decode(sets)).isEqualTo(decoded);
            }
            assertThatThrownBy(() -> TokenizerCheckpoint.load(folder, GridTokenizer.class))
                    .hasMessageContaining("not a GridTokenizer");
        }
    }

    /** The criterion above fails for the same run at learning rate 0: it cannot pass without learning. */
    @Test
    void theSameRunAtLearningRateZeroDoesNotPassTheLossCheck() {
        try (ClusterTokenizer t = ClusterTokenizer.create("setok", ClusterTokenizerConfig.tiny(), 1)) {
            TokenizerTrainingResult r = new TokenizerTrainer(t, TokenizerTrainingConfig.smoke().withQuantizerWarmup(10)
                    .withLearningRate(0), SceneConfig.scenes64(0).withSize(16)).run();
            assertThat(FALLS.holds(r.reconstructionLoss())).as("losses %s", r.reconstructionLoss()).isFalse();
        }
    }

    @Test
    void tokenSetsOfAnotherGridAreRejected() {
        try (ClusterTokenizer t = ClusterTokenizer.create("setok", ClusterTokenizerConfig.tiny(), 1)) {
            TokenSet wrong = new TokenSet(2, new int[] {1}, new int[] {0}, new int[4], 16);
            assertThatThrownBy(() -> t.decode(wrong)).hasMessageContaining("4x4 grid");
        }
    }
}
