package dev.tessera.engine.tokenize;

import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.quantize.FsqConfig;
import dev.tessera.engine.quantize.QuantizerConfig;
import dev.tessera.engine.quantize.ResidualConfig;
import dev.tessera.engine.quantize.VqConfig;
import dev.tessera.engine.train.TokenizerTrainer;
import dev.tessera.engine.train.TokenizerTrainingConfig;
import dev.tessera.engine.train.TokenizerTrainingResult;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every quantizer variant inside the grid tokenizer: same shapes, same training, same checkpoints. */
class GridTokenizerVariantsTest {

    @TempDir
    Path dir;

    static Stream<QuantizerConfig> variants() {
        return Stream.of(VqConfig.tiny(), VqConfig.tiny().withCosine(true).withLookupDim(4),
                new ResidualConfig(VqConfig.tiny(), 3), new FsqConfig(new int[] {4, 4}, 8));
    }

    private static List<RgbImage> images() {
        return new SceneGenerator(SceneConfig.scenes64(1).withSize(16)).scenes(0, 3).stream().map(Scene::image).toList();
    }

    @ParameterizedTest
    @MethodSource("variants")
    void trainsWithFallingLossAndRoundTripsThroughACheckpoint(QuantizerConfig q) {
        TokenizerConfig config = TokenizerConfig.tiny().withQuantizer(q);
        Path folder = dir.resolve("ckpt");
        List<RgbImage> images = images();
        try (GridTokenizer t = GridTokenizer.create("variant", config, 3)) {
            TokenizerTrainingResult r = new TokenizerTrainer(t, TokenizerTrainingConfig.smoke(),
                    SceneConfig.scenes64(0).withSize(16)).checkpointTo(folder, Map.of()).run();
            assertThat(r.meanLossOfLast(10)).as(q.describe()).isLessThan(0.7 * r.meanLossOfFirst(5));
            List<TokenGrid> grids = t.encode(images);
            assertThat(grids.get(0).depth()).isEqualTo(q.depth());
            assertThat(grids.get(0).codebookSize()).isEqualTo(q.codebookSize());
            try (GridTokenizer back = TokenizerCheckpoint.load(folder, GridTokenizer.class)) {
                assertThat(back.config()).isEqualTo(config);
                assertThat(back.encode(images)).isEqualTo(grids);
                assertThat(back.decode(grids)).isEqualTo(t.decode(grids));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("variants")
    void progressiveDecodingAcceptsEveryLevelCount(QuantizerConfig q) {
        try (GridTokenizer t = GridTokenizer.create("variant", TokenizerConfig.tiny().withQuantizer(q), 3)) {
            TokenGrid g = t.encode(images().get(0));
            for (int l = 1; l <= q.depth(); l++) {
                assertThat(t.decode(g, l).width()).isEqualTo(16);
            }
            assertThat(t.decode(g, q.depth())).isEqualTo(t.decode(g));
        }
    }
}
