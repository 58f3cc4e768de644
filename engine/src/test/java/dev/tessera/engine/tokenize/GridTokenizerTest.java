package dev.tessera.engine.tokenize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.runtime.TesseraRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GridTokenizerTest {

    private static GridTokenizer tokenizer;
    private static List<RgbImage> images;

    @BeforeAll
    static void create() {
        tokenizer = GridTokenizer.create("test", TokenizerConfig.tiny(), 11);
        images = new SceneGenerator(SceneConfig.scenes64(1).withSize(16)).scenes(0, 5).stream().map(Scene::image).toList();
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    @Test
    void encodeGivesOneGridPerImageWithTheConfiguredShape() {
        List<TokenGrid> grids = tokenizer.encode(images);
        assertThat(grids).hasSize(5);
        for (TokenGrid g : grids) {
            assertThat(g.rows()).isEqualTo(4);
            assertThat(g.cols()).isEqualTo(4);
            assertThat(g.codebookSize()).isEqualTo(16);
        }
    }

    @Test
    void batchAndSingleEncodingAgree() {
        List<TokenGrid> batch = tokenizer.encode(images);
        for (int i = 0; i < images.size(); i++) {
            assertThat(tokenizer.encode(images.get(i))).isEqualTo(batch.get(i));
        }
    }

    @Test
    void decodeGivesImagesOfTheInputSizeInRange() {
        RgbImage out = tokenizer.decode(tokenizer.encode(images.get(0)));
        assertThat(out.width()).isEqualTo(16);
        assertThat(out.height()).isEqualTo(16);
        for (float v : out.pixels()) {
            assertThat(v).isBetween(0f, 1f);
        }
    }

    @Test
    void decodingTokensThenEncodingTheSameCodeVectorsIsStable() {
        // indices -> codes -> quantize(codes) must return the same indices: codes are their own nearest code
        try (NDManager m = TesseraRuntime.newManager()) {
            NDArray ids = m.create(new long[] {0, 3, 7, 15, 15, 2});
            ai.djl.training.ParameterStore ps = new ai.djl.training.ParameterStore(m, false);
            NDArray codes = tokenizer.block().quantizer().codes(ps, ids.reshape(6, 1));
            assertThat(codes.getShape()).isEqualTo(new Shape(6, 8));
            NDArray again = tokenizer.block().quantizer().quantize(ps, codes, false).indices().flatten();
            NDList pair = new NDList(ids, again);
            assertThat(pair.get(1).toLongArray()).containsExactly(ids.toLongArray());
        }
    }

    @Test
    void wrongImageSizeIsRejectedWithTheFix() {
        RgbImage big = new SceneGenerator(SceneConfig.scenes64(1)).scene(0).image();
        assertThatThrownBy(() -> tokenizer.encode(big)).hasMessageContaining("takes 16x16")
                .hasMessageContaining("Images.centreSquare");
    }

    @Test
    void gridsOfAnotherShapeAreRejected() {
        TokenGrid wrong = new TokenGrid(2, 2, new int[] {0, 1, 2, 3}, 16);
        assertThatThrownBy(() -> tokenizer.decode(wrong)).hasMessageContaining("decodes 4x4 grids");
    }
}
