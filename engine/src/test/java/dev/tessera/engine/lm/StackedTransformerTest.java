package dev.tessera.engine.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.tessera.engine.runtime.TesseraRuntime;
import dev.tessera.engine.vocab.SpecialToken;
import dev.tessera.engine.vocab.VocabularyLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class StackedTransformerTest {

    static final VocabularyLayout LAYOUT = FoldingTest.LAYOUT;
    static final int D = LAYOUT.imageLevels();
    static final int K = LAYOUT.codebookSize();

    static UnifiedTransformer model(EmbeddingMode mode, long seed) {
        float[][] codebook = new float[LAYOUT.imageSize()][5];
        for (int i = 0; i < codebook.length; i++) {
            for (int j = 0; j < 5; j++) {
                codebook[i][j] = (float) Math.sin(i * 7 + j);
            }
        }
        return UnifiedTransformer.create(new TransformerConfig(16, 2, 2, 24, 2), LAYOUT, mode, ImageStacking.stacked(),
                codebook, false, seed);
    }

    @Test
    void aFoldedPositionsInputIsTheSumOfItsLevelRowsKnownAnswer() {
        try (NDManager m = TesseraRuntime.newManager()) {
            // rows of a 4-id table: row i = (i, 10 i)
            NDArray table = m.create(new float[] {0, 0, 1, 10, 2, 20, 3, 30}, new Shape(4, 2));
            long[] ids = {1, 2, 3, 3, 0, 0};
            float[] slots = {1, 1, 1, 1, 0, 0};
            float[] x = UnifiedTransformer.foldedInput(table, m.create(ids, new Shape(1, 2, 3)),
                    m.create(slots, new Shape(1, 2, 3))).toFloatArray();
            // position 0 sums rows 1, 2, 3; position 1 is row 3 alone (its other slots unused)
            assertThat(x).containsExactly(6, 60, 3, 30);
        }
    }

    @Test
    void onlyAStackedModelOfAResidualTokenizerFolds() {
        assertThatThrownBy(() -> UnifiedTransformer.create(new TransformerConfig(16, 1, 2, 24, 2),
                new VocabularyLayout(20, 1, 6), EmbeddingMode.JOINT_EMBEDDING, ImageStacking.stacked(), null, false, 1))
                .hasMessageContaining("residual tokenizer");
        assertThatThrownBy(() -> new ImageStacking(5)).hasMessageContaining("0 (flat");
    }

    @ParameterizedTest
    @EnumSource(EmbeddingMode.class)
    void aSequenceWithoutImageSpansReadsTheSameFoldedOrFlat(EmbeddingMode mode) {
        try (UnifiedTransformer t = model(mode, 4); NDManager m = TesseraRuntime.newManager()) {
            int[] ids = {LAYOUT.id(SpecialToken.CAPTION), LAYOUT.textId(3), LAYOUT.textId(7), LAYOUT.imageId(1, 2),
                LAYOUT.id(SpecialToken.EOS)};
            float[] flat = t.forward(m, m.create(Arrays.stream(ids).asLongStream().toArray(), new Shape(1, ids.length)))
                    .toFloatArray();
            FoldedBatch b = FoldedBatch.of(List.of(Folding.of(ids, LAYOUT)), D, 0, false, null);
            float[] folded = t.forwardStacked(m, b.idArray(m), b.slotArray(m), null).logits().toFloatArray();
            assertThat(folded).hasSameSizeAs(flat);
            for (int i = 0; i < flat.length; i++) {
                assertThat(folded[i]).isCloseTo(flat[i], within(1e-5f));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(EmbeddingMode.class)
    void theDepthDecoderIsCausalOverLevels(EmbeddingMode mode) {
        try (UnifiedTransformer t = model(mode, 5); NDManager m = TesseraRuntime.newManager()) {
            NDArray h = m.randomNormal(new Shape(2, 16));
            long[] codes = {1, 4, 2, 5};
            float[] base = depthLogits(t, m, h, codes);
            assertThat(base).hasSize(2 * D * K);
            for (int changed = 0; changed < D - 1; changed++) {
                long[] other = codes.clone();
                other[changed] = (other[changed] + 3) % K;
                float[] moved = depthLogits(t, m, h, other);
                for (int row = 0; row < 2; row++) {
                    for (int level = 0; level < D; level++) {
                        double diff = 0;
                        for (int k = 0; k < K; k++) {
                            int at = (row * D + level) * K + k;
                            diff += Math.abs(moved[at] - base[at]);
                        }
                        if (level <= changed) {
                            assertThat(diff).as("level %d after changing level %d's code", level, changed).isLessThan(1e-5);
                        } else {
                            assertThat(diff).as("level %d after changing level %d's code", level, changed).isGreaterThan(1e-4);
                        }
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(EmbeddingMode.class)
    void prefillingFoldedPositionsThenOneAtATimeGivesTheFullPassesHiddenStatesAndLogits(EmbeddingMode mode) {
        try (UnifiedTransformer t = model(mode, 6); NDManager m = TesseraRuntime.newManager()) {
            Folding f = Folding.of(FoldingTest.sequence(), LAYOUT);
            FoldedBatch all = FoldedBatch.of(List.of(f), D, 0, false, null);
            StackedOutput full = t.forwardStacked(m, all.idArray(m), all.slotArray(m), null);
            KvCache cache = new KvCache(2);
            int n = f.positions();
            float[] hidden = new float[n * 16];
            FoldedBatch prefix = FoldedBatch.of(List.of(f), D, 0, false, new int[] {5});
            float[] first = t.forwardStacked(m, prefix.idArray(m), prefix.slotArray(m), cache).hidden().toFloatArray();
            System.arraycopy(first, 0, hidden, 0, first.length);
            for (int p = 5; p < n; p++) {
                long[] ids = new long[D];
                float[] slots = new float[D];
                int[] at = f.idsAt(p);
                for (int l = 0; l < at.length; l++) {
                    ids[l] = at[l];
                    slots[l] = 1;
                }
                float[] one = t.forwardStacked(m, m.create(ids, new Shape(1, 1, D)), m.create(slots, new Shape(1, 1, D)),
                        cache).hidden().toFloatArray();
                System.arraycopy(one, 0, hidden, p * 16, 16);
            }
            float[] expected = full.hidden().toFloatArray();
            for (int i = 0; i < expected.length; i++) {
                assertThat(hidden[i]).isCloseTo(expected[i], within(1e-4f));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(EmbeddingMode.class)
    void theStackedLossOfTextTargetsIsTheFlatOneAndOfImageTargetsTheDepthDecodersPerLevelNll(EmbeddingMode mode) {
        try (UnifiedTransformer t = model(mode, 7); NDManager m = TesseraRuntime.newManager()) {
            int[] ids = FoldingTest.sequence();
            int n = ids.length - 1;
            long[] in = new long[n];
            long[] target = new long[n];
            for (int j = 0; j < n; j++) {
                in[j] = ids[j];
                target[j] = ids[j + 1];
            }
            float[] nll = StackedLoss.targetNll(t, m, 1, n, in, target).toFloatArray();
            Folding f = Folding.of(ids, LAYOUT);
            FoldedBatch b = FoldedBatch.of(List.of(f), D, 0, false, null);
            StackedOutput out = t.forwardStacked(m, b.idArray(m), b.slotArray(m), null);
            float[] logits = out.logits().toFloatArray();
            float[] hidden = out.hidden().toFloatArray();
            int v = LAYOUT.size();
            for (int j = 0; j < n; j++) {
                int p = f.position()[j + 1];
                double expected;
                if (f.stacked(p)) {
                    NDArray h = m.create(Arrays.copyOfRange(hidden, (p - 1) * 16, p * 16), new Shape(1, 16));
                    long[] codes = Arrays.stream(f.idsAt(p)).mapToLong(LAYOUT::imageCode).toArray();
                    int level = f.level(j + 1);
                    float[] row = Arrays.copyOfRange(depthLogits(t, m, h, codes), level * K, (level + 1) * K);
                    expected = nll(row, (int) codes[level]);
                } else {
                    expected = nll(Arrays.copyOfRange(logits, (p - 1) * v, p * v), ids[j + 1]);
                }
                assertThat((double) nll[j]).as("target %d", j + 1).isCloseTo(expected, within(1e-4));
            }
        }
    }

    @Test
    void aSavedStackedModelLoadsWithItsDepthWeights() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (UnifiedTransformer a = model(EmbeddingMode.JOINT_EMBEDDING, 8);
             UnifiedTransformer b = model(EmbeddingMode.JOINT_EMBEDDING, 9);
             NDManager m = TesseraRuntime.newManager()) {
            assertThat(a.parameters().names()).contains("depth.position", "depth.block1.qkv.weight", "depth.final.gamma");
            a.save(bytes);
            b.load(new ByteArrayInputStream(bytes.toByteArray()));
            NDArray h = m.randomNormal(new Shape(1, 16));
            assertThat(depthLogits(b, m, h, new long[] {1, 2, 3})).containsExactly(depthLogits(a, m, h, new long[] {1, 2, 3}));
        }
    }

    /** Teacher-forced level logits (S, D, K) of S = rows of {@code h}, every row with the same {@code codes}. */
    static float[] depthLogits(UnifiedTransformer t, NDManager m, NDArray h, long[] codes) {
        int s = (int) h.getShape().get(0);
        long[] previous = new long[s * (D - 1)];
        for (int r = 0; r < s; r++) {
            System.arraycopy(codes, 0, previous, r * (D - 1), D - 1);
        }
        return DepthDecoder.logits(t, m, h, m.create(previous, new Shape(s, D - 1))).toFloatArray();
    }

    private static double nll(float[] logits, int target) {
        double max = Double.NEGATIVE_INFINITY;
        for (float x : logits) {
            max = Math.max(max, x);
        }
        double sum = 0;
        for (float x : logits) {
            sum += Math.exp(x - max);
        }
        return Math.log(sum) + max - logits[target];
    }
}
