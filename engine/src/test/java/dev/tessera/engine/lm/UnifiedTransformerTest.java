package dev.tessera.engine.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.tessera.engine.runtime.TesseraRuntime;
import dev.tessera.engine.vocab.VocabularyLayout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class UnifiedTransformerTest {

    static final VocabularyLayout LAYOUT = new VocabularyLayout(20, 2, 6);

    static UnifiedTransformer model(EmbeddingMode mode, long seed) {
        float[][] codebook = new float[LAYOUT.imageSize()][5];
        for (int i = 0; i < codebook.length; i++) {
            for (int j = 0; j < 5; j++) {
                codebook[i][j] = (float) Math.sin(i * 7 + j);
            }
        }
        return UnifiedTransformer.create(new TransformerConfig(16, 2, 2, 24, 2), LAYOUT, mode, codebook, false, seed);
    }

    static long[] sequence(int length, int salt) {
        long[] ids = new long[length];
        for (int i = 0; i < length; i++) {
            ids[i] = (i * 13L + salt) % LAYOUT.size();
        }
        return ids;
    }

    @ParameterizedTest
    @EnumSource(EmbeddingMode.class)
    void logitsCoverTheWholeVocabularyAndNeverSeeTheFuture(EmbeddingMode mode) {
        try (UnifiedTransformer t = model(mode, 1); NDManager m = TesseraRuntime.newManager()) {
            long[] a = sequence(10, 3);
            long[] b = a.clone();
            b[7] = (b[7] + 5) % LAYOUT.size();
            NDArray la = t.forward(m, m.create(a, new Shape(1, 10)));
            NDArray lb = t.forward(m, m.create(b, new Shape(1, 10)));
            assertThat(la.getShape()).isEqualTo(new Shape(1, 10, LAYOUT.size()));
            float[] fa = la.toFloatArray();
            float[] fb = lb.toFloatArray();
            int v = LAYOUT.size();
            for (int i = 0; i < 7 * v; i++) {
                assertThat(fb[i]).isCloseTo(fa[i], within(1e-5f));
            }
            double changed = 0;
            for (int i = 7 * v; i < 10 * v; i++) {
                changed += Math.abs(fb[i] - fa[i]);
            }
            assertThat(changed).isGreaterThan(1e-3);
        }
    }

    @ParameterizedTest
    @EnumSource(EmbeddingMode.class)
    void decodingWithTheCacheGivesTheSameLogitsAsOneFullPass(EmbeddingMode mode) {
        try (UnifiedTransformer t = model(mode, 2); NDManager m = TesseraRuntime.newManager()) {
            long[] ids = sequence(12, 5);
            float[] full = t.forward(m, m.create(ids, new Shape(1, 12))).toFloatArray();
            KvCache cache = new KvCache(2);
            long[] prefix = java.util.Arrays.copyOf(ids, 5);
            float[] stepwise = new float[full.length];
            float[] first = t.forward(m, m.create(prefix, new Shape(1, 5)), cache).toFloatArray();
            System.arraycopy(first, 0, stepwise, 0, first.length);
            for (int i = 5; i < 12; i++) {
                float[] one = t.forward(m, m.create(new long[] {ids[i]}, new Shape(1, 1)), cache).toFloatArray();
                System.arraycopy(one, 0, stepwise, i * LAYOUT.size(), one.length);
            }
            assertThat(cache.length()).isEqualTo(12);
            for (int i = 0; i < full.length; i++) {
                assertThat(stepwise[i]).isCloseTo(full[i], within(1e-4f));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(EmbeddingMode.class)
    void aLeftPaddedRowDecodesAsIfItWereAlone(EmbeddingMode mode) {
        try (UnifiedTransformer t = model(mode, 2); NDManager m = TesseraRuntime.newManager()) {
            long[] longRow = sequence(6, 5);
            long[] shortRow = sequence(2, 9);
            long[] next = {longRow[1], shortRow[0]};
            // batch: the 6-id row, and the 2-id row behind 4 padding ids (any id: hidden)
            long[] both = new long[12];
            System.arraycopy(longRow, 0, both, 0, 6);
            java.util.Arrays.fill(both, 6, 10, 3);
            System.arraycopy(shortRow, 0, both, 10, 2);
            KvCache padded = new KvCache(2, new int[] {0, 4});
            float[] batchFirst = t.forward(m, m.create(both, new Shape(2, 6)), padded).get(":, -1").toFloatArray();
            float[] batchNext = t.forward(m, m.create(next, new Shape(2, 1)), padded).toFloatArray();
            int v = LAYOUT.size();
            for (int row = 0; row < 2; row++) {
                long[] alone = row == 0 ? longRow : shortRow;
                KvCache own = new KvCache(2);
                float[] first = t.forward(m, m.create(alone, new Shape(1, alone.length)), own).get(":, -1").toFloatArray();
                float[] second = t.forward(m, m.create(new long[] {next[row]}, new Shape(1, 1)), own).toFloatArray();
                for (int i = 0; i < v; i++) {
                    assertThat(batchFirst[row * v + i]).isCloseTo(first[i], within(1e-4f));
                    assertThat(batchNext[row * v + i]).isCloseTo(second[i], within(1e-4f));
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(EmbeddingMode.class)
    void adamWStepsLowerTheLossOnAFixedBatch(EmbeddingMode mode) {
        try (UnifiedTransformer t = model(mode, 3);
             AdamW opt = new AdamW(t.parameters().manager(), 0.9, 0.95, 1e-8)) {
            long[] ids = sequence(13, 1);
            double first = 0;
            double last = 0;
            for (int step = 0; step < 30; step++) {
                try (NDManager m = TesseraRuntime.newManager()) {
                    NDArray all = m.create(ids, new Shape(1, 13));
                    NDArray in = all.get(":, :12");
                    NDArray target = all.get(":, 1:");
                    try (GradientCollector gc = TesseraRuntime.engine().newGradientCollector()) {
                        NDArray loss = SequenceLoss.tokenNll(t.forward(m, in), target).mean();
                        gc.backward(loss);
                        last = loss.getFloat();
                        if (step == 0) {
                            first = last;
                        }
                    }
                    opt.step(t.parameters(), 1e-2, 0.01);
                }
            }
            assertThat(last).isLessThan(first * 0.5);
        }
    }

    @ParameterizedTest
    @EnumSource(EmbeddingMode.class)
    void weightsRoundTripBitIdentically(EmbeddingMode mode) throws Exception {
        try (UnifiedTransformer a = model(mode, 4); UnifiedTransformer b = model(mode, 5);
             NDManager m = TesseraRuntime.newManager()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            a.save(bytes);
            b.load(new ByteArrayInputStream(bytes.toByteArray()));
            long[] ids = sequence(9, 2);
            assertThat(b.forward(m, m.create(ids, new Shape(1, 9))).toFloatArray())
                    .containsExactly(a.forward(m, m.create(ids, new Shape(1, 9))).toFloatArray());
        }
    }

    @org.junit.jupiter.api.Test
    void unifiedCodebookModeTiesImageRowsToTheCodebook() {
        try (UnifiedTransformer t = model(EmbeddingMode.UNIFIED_CODEBOOK, 6); NDManager m = TesseraRuntime.newManager()) {
            NDArray table = t.inputTable(m);
            assertThat(table.getShape()).isEqualTo(new Shape(LAYOUT.size(), 16));
            NDArray expected = t.parameters().get("embed.codebook").matMul(t.parameters().get("embed.codeProjection"));
            assertThat(table.get(LAYOUT.imageStart() + ":").toFloatArray()).containsExactly(expected.toFloatArray());
            // behind a projection the codebook stays as the tokenizer has it (an aligned stage makes it learn)
            assertThat(t.parameters().isTrainable("embed.codebook")).isFalse();
        }
    }

    @org.junit.jupiter.api.Test
    void pullingTheImageTableMovesItPartWayTowardTheTarget() {
        try (UnifiedTransformer t = model(EmbeddingMode.UNIFIED_CODEBOOK, 6)) {
            float[] before = t.imageCodebook();
            float[] toward = new float[before.length];
            for (int i = 0; i < toward.length; i++) {
                toward[i] = i % 7 - 3f;
            }
            t.pullImageCodebook(toward, 0.75);
            float[] after = t.imageCodebook();
            for (int i = 0; i < after.length; i++) {
                assertThat(after[i]).isCloseTo(0.75f * before[i] + 0.25f * toward[i], org.assertj.core.data.Offset.offset(1e-6f));
            }
            assertThat(t.parameters().isTrainable("embed.codebook")).as("a pull keeps the weight's flag").isFalse();
        }
    }

    @org.junit.jupiter.api.Test
    void aJointEmbeddingModelHasNoImageTableToPull() {
        try (UnifiedTransformer t = model(EmbeddingMode.JOINT_EMBEDDING, 6)) {
            assertThatThrownBy(t::imageCodebook).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("unified-codebook");
        }
    }
}
