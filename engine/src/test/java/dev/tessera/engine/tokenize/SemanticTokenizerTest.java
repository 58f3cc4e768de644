package dev.tessera.engine.tokenize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.image.ImageTensors;
import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.runtime.TesseraRuntime;
import dev.tessera.engine.semantic.SemanticCheckpoint;
import dev.tessera.engine.semantic.SemanticEncoder;
import dev.tessera.engine.semantic.SemanticEncoderConfig;
import dev.tessera.engine.semantic.SemanticTrainer;
import dev.tessera.engine.semantic.SemanticTrainingConfig;
import dev.tessera.engine.train.LossFalls;
import dev.tessera.engine.train.TokenizerPreset;
import dev.tessera.engine.train.TokenizerTrainer;
import dev.tessera.engine.train.TokenizerTrainingConfig;
import dev.tessera.engine.train.TrainingProgress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A semantic grid tokenizer (ILLUME): a frozen feature encoder, codes trained on features, a pixel decoder that cannot shape them. */
class SemanticTokenizerTest {

    @TempDir
    static Path dir;
    static Path encoderFolder;

    @BeforeAll
    static void trainATinyEncoder() {
        encoderFolder = dir.resolve("encoder");
        try (SemanticEncoder e = SemanticEncoder.create("enc", SemanticEncoderConfig.tiny(), 4)) {
            new SemanticTrainer(e, SemanticTrainingConfig.smoke().withSteps(10)).checkpointTo(encoderFolder, Map.of()).run();
        }
    }

    private static List<RgbImage> images(int n) {
        return new SceneGenerator(SceneConfig.scenes32(2).withSize(16)).scenes(0, n).stream().map(s -> s.image()).toList();
    }

    private static Map<String, float[]> weights(ai.djl.nn.Block block) {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            out.put(p.getKey(), p.getValue().getArray().toFloatArray());
        }
        return out;
    }

    @Test
    void aFreshTokenizerHoldsTheEncodersBackboneAndReadsItsFeatures() {
        List<RgbImage> imgs = images(3);
        try (GridTokenizer t = TokenizerPreset.createGrid("sem", TokenizerConfig.tinySemantic(encoderFolder.toString()), 1);
             SemanticEncoder e = SemanticCheckpoint.load(encoderFolder);
             NDManager m = TesseraRuntime.newManager()) {
            float[][][] expected = e.features(imgs);
            NDArray f = t.block().semanticFeatures(new ParameterStore(m, false), ImageTensors.toTensor(imgs, m));
            float[] got = dev.tessera.engine.nn.Tensors.l2normalize(f.transpose(0, 2, 3, 1)).toFloatArray();
            assertThat(got[5]).isEqualTo(expected[0][0][5]);
            assertThat(got[got.length - 1]).isEqualTo(expected[2][15][7]);
        }
    }

    @Test
    void theFeatureLossFallsOnlyWhenLearningAndTheBackboneNeverChanges() {
        new LossFalls(5, 5, 0.8).onlyWhenLearning(TokenizerTrainingConfig.smoke().learningRate(), lr -> {
            try (GridTokenizer t = TokenizerPreset.createGrid("sem", TokenizerConfig.tinySemantic(encoderFolder.toString()), 1)) {
                Map<String, float[]> backbone = weights(t.block().backbone());
                List<TrainingProgress> seen = new ArrayList<>();
                new TokenizerTrainer(t, TokenizerTrainingConfig.smoke().withLearningRate(lr), SceneConfig.scenes64(0).withSize(16))
                        .listener(seen::add).run();
                Map<String, float[]> after = weights(t.block().backbone());
                after.forEach((k, v) -> assertThat(v).as(k).isEqualTo(backbone.get(k)));
                assertThat(seen.get(0).parts()).containsKey(TokenizerTrainer.FEATURES);
                assertThat(seen.get(0).loss()).isCloseTo(seen.get(0).parts().get(TokenizerTrainer.RECONSTRUCTION)
                        + seen.get(0).parts().get(TokenizerTrainer.QUANTIZER) + seen.get(0).parts().get(TokenizerTrainer.FEATURES),
                        org.assertj.core.api.Assertions.within(1e-5));
                return seen.stream().map(p -> p.parts().get(TokenizerTrainer.FEATURES)).toList();
            }
        });
    }

    /** The pixel loss reaches the pixel decoder and nothing before the codes: pixels never shape semantic codes. */
    @Test
    void thePixelLossGivesTheAdapterNoGradient() {
        try (GridTokenizer t = TokenizerPreset.createGrid("sem", TokenizerConfig.tinySemantic(encoderFolder.toString()), 1);
             ai.djl.training.Trainer trainer = t.model().newTrainer(new ai.djl.training.DefaultTrainingConfig(
                     ai.djl.training.loss.Loss.l2Loss()));
             NDManager m = TesseraRuntime.newManager()) {
            NDArray x = ImageTensors.toTensor(images(4), m);
            try (GradientCollector gc = trainer.newGradientCollector()) {
                NDList out = trainer.forward(new NDList(x));
                assertThat(out).hasSize(7);
                gc.backward(out.get(0).sub(x).square().mean());
            }
            double adapter = 0;
            double decoder = 0;
            int adapterWeights = 0;
            for (Pair<String, Parameter> p : t.model().getBlock().getParameters()) {
                double g = p.getValue().getArray().getGradient().abs().sum().getFloat();
                if (p.getKey().contains("adapter")) {
                    adapter += g;
                    adapterWeights++;
                } else if (p.getKey().contains("decoder")) {
                    decoder += g;
                }
            }
            assertThat(adapterWeights).as("the adapter's weights are found by name").isGreaterThanOrEqualTo(2);
            assertThat(adapter).isZero();
            assertThat(decoder).isGreaterThan(0);
        }
    }

    @Test
    void aSemanticTokenizerSavesAndLoadsWithItsBackboneAndEncodesTheSame() {
        Path folder = dir.resolve("tok");
        List<RgbImage> imgs = images(4);
        try (GridTokenizer t = TokenizerPreset.createGrid("sem", TokenizerConfig.tinySemantic(encoderFolder.toString()), 1)) {
            new TokenizerTrainer(t, TokenizerTrainingConfig.smoke().withSteps(5), SceneConfig.scenes64(0).withSize(16)).run();
            TokenizerCheckpoint.save(t, folder, Map.of());
            try (GridTokenizer loaded = TokenizerCheckpoint.load(folder, GridTokenizer.class)) {
                assertThat(loaded.config().semantic()).isEqualTo(t.config().semantic());
                assertThat(loaded.encode(imgs)).isEqualTo(t.encode(imgs));
                assertThat(loaded.decode(loaded.encode(imgs))).isEqualTo(t.decode(t.encode(imgs)));
                assertThat(loaded.encode(imgs).get(0).count()).isEqualTo(16);
            }
        }
    }

    @Test
    void aMissingEncoderIsNamedAndAPixelTokenizerHasNoBackboneToFill() {
        assertThatThrownBy(() -> TokenizerPreset.createGrid("sem", TokenizerConfig.tinySemantic("no-such-encoder"), 1))
                .hasMessageContaining("no shipped semantic encoder named 'no-such-encoder'").hasMessageContaining("train-semantic-encoder");
        try (SemanticEncoder e = SemanticCheckpoint.load(encoderFolder);
             GridTokenizer pixel = GridTokenizer.create("px", TokenizerConfig.tiny(), 1)) {
            assertThatThrownBy(() -> e.copyBackboneInto(pixel)).hasMessageContaining("pixel tokenizer");
        }
    }
}
