package dev.tessera.engine.unified;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.tessera.engine.runtime.TesseraRuntime;
import dev.tessera.engine.vocab.SpecialToken;
import dev.tessera.engine.vocab.TokenKind;
import dev.tessera.engine.vocab.VocabularyLayout;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TaskTagBindingTest {

    @Test
    void bindingATagLeavesEveryOtherTokensEmbeddingAndPredictionAsTheyWere() {
        try (UnifiedModel before = UnifiedModel.create(UnifiedConfig.tiny(), 3)) {
            VocabularyLayout old = before.vocabulary().layout();
            int[] ids = before.tasks().caption(before.imageTokenizer().encode(
                    dev.tessera.engine.Tessera.sample(2, 32).image()), "a red circle").ids();
            float[] oldLogits = logits(before, ids);
            float[] oldTable = before.transformer().parameters().get("embed.text").toFloatArray();

            UnifiedModel after = before.withTaskTags(List.of("<colours>"));
            VocabularyLayout wider = after.vocabulary().layout();
            int d = after.transformer().config().width();
            float[] table = after.transformer().parameters().get("embed.text").toFloatArray();
            int tag = wider.tagId("<colours>");
            int ask = wider.tagId("<ask>");
            for (int j = 0; j < d; j++) {
                assertThat(table[tag * d + j]).as("the new row starts as <ask>'s").isEqualTo(oldTable[ask * d + j]);
            }
            int[] shifted = new int[ids.length];
            for (int i = 0; i < ids.length; i++) {
                shifted[i] = old.kind(ids[i]) == TokenKind.SPECIAL ? ids[i] : ids[i] + 1;
            }
            float[] newLogits = logits(after, shifted);
            int v = old.size();
            for (int p = 0; p < ids.length; p++) {
                for (int id = 0; id < v; id++) {
                    int moved = old.kind(id) == TokenKind.SPECIAL ? id : id + 1;
                    assertThat(newLogits[p * (v + 1) + moved]).as("position %d, id %d", p, id)
                            .isCloseTo(oldLogits[p * v + id], org.assertj.core.data.Offset.offset(1e-4f));
                }
            }
            assertThat(wider.tagId(SpecialToken.EOS.text())).isEqualTo(old.tagId(SpecialToken.EOS.text()));
            after.close();
        }
    }

    /** The logits of {@code ids} as one sequence, position after position. */
    static float[] logits(UnifiedModel m, int[] ids) {
        try (NDManager nd = TesseraRuntime.newManager()) {
            long[] l = new long[ids.length];
            for (int i = 0; i < ids.length; i++) {
                l[i] = ids[i];
            }
            NDArray x = nd.create(l, new Shape(1, ids.length));
            return m.transformer().forward(nd, x).toFloatArray();
        }
    }
}
