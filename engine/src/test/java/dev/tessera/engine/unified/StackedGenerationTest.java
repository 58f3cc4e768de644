package dev.tessera.engine.unified;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.lm.DepthDecoder;
import dev.tessera.engine.lm.FoldedBatch;
import dev.tessera.engine.lm.Folding;
import dev.tessera.engine.lm.SamplingConfig;
import dev.tessera.engine.lm.StackedOutput;
import dev.tessera.engine.lm.UnifiedTransformer;
import dev.tessera.engine.runtime.TesseraRuntime;
import dev.tessera.engine.tokenize.TokenGrid;
import dev.tessera.engine.vocab.SpecialToken;
import dev.tessera.engine.vocab.VocabularyLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StackedGenerationTest {

    @Test
    void aStackedModelDrawsWholeGridsOfItsDepthAndCaptionsAndAnswersFromFoldedImages(@TempDir Path dir) {
        try (UnifiedModel model = StackedModels.create(dir, 3)) {
            String prompt = model.words().iterator().next();
            Generation g = model.generate(prompt, 3, SamplingConfig.images(4));
            assertThat(g.grids()).hasSize(3);
            for (TokenGrid grid : g.grids()) {
                assertThat(grid.rows()).isEqualTo(4);
                assertThat(grid.cols()).isEqualTo(4);
                assertThat(grid.depth()).isEqualTo(StackedModels.DEPTH);
                assertThat(grid.codebookSize()).isEqualTo(16);
            }
            assertThat(g.sequences()).allSatisfy(s -> assertThat(s.images()).singleElement()
                    .satisfies(i -> assertThat(i.complete()).isTrue()));
            assertThat(g.images()).allSatisfy(i -> assertThat(i.width()).isEqualTo(16));
            var picture = new SceneGenerator(model.scenes(5)).scene(0).image();
            assertThat(model.caption(picture).sequence().images()).singleElement()
                    .satisfies(i -> assertThat(i.complete()).isTrue());
            assertThat(model.answer(picture, prompt).sequence().toString()).startsWith("<ask><boi>[image 4x4]<eoi>");
            assertThat(model.positions(model.tasks().captionPrompt(model.imageTokenizer().encode(List.of(picture)).get(0))))
                    .as("<caption><boi> 16 positions <eoi>").isEqualTo(19);
        }
    }

    @Test
    void greedyGenerationThroughTheCachePicksTheArgmaxOfEveryLevelOfAFullTeacherForcedPass(@TempDir Path dir) {
        try (UnifiedModel model = StackedModels.create(dir, 4)) {
            String prompt = model.words().iterator().next();
            int[] p = model.tasks().generatePrompt(prompt);
            Generation g = model.generate(prompt, 1, SamplingConfig.greedy());
            int[] image = model.vocabulary().encodeImage(g.grids().get(0));
            int[] all = Arrays.copyOf(p, p.length + image.length);
            System.arraycopy(image, 0, all, p.length, image.length);
            UnifiedTransformer t = model.transformer();
            VocabularyLayout layout = t.layout();
            int depth = layout.imageLevels();
            int k = layout.codebookSize();
            Folding f = Folding.of(all, layout);
            try (NDManager m = TesseraRuntime.newManager()) {
                FoldedBatch b = FoldedBatch.of(List.of(f), depth, layout.id(SpecialToken.PAD), false, null);
                StackedOutput out = t.forwardStacked(m, b.idArray(m), b.slotArray(m), null);
                int first = f.positions() - 16;
                for (int pos = first; pos < f.positions(); pos++) {
                    NDArray h = Embedding.embedding(m.create(new long[] {pos - 1}), out.hidden(), SparseFormat.DENSE)
                            .singletonOrThrow();
                    long[] codes = Arrays.stream(f.idsAt(pos)).mapToLong(layout::imageCode).toArray();
                    float[] logits = DepthDecoder.logits(t, m, h, m.create(Arrays.copyOf(codes, depth - 1),
                            new Shape(1, depth - 1))).toFloatArray();
                    for (int level = 0; level < depth; level++) {
                        int best = 0;
                        for (int c = 1; c < k; c++) {
                            if (logits[level * k + c] > logits[level * k + best]) {
                                best = c;
                            }
                        }
                        assertThat(codes[level]).as("position %d level %d", pos - first, level).isEqualTo(best);
                    }
                }
            }
        }
    }
}
