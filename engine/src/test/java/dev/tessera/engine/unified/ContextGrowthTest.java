package dev.tessera.engine.unified;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContextGrowthTest {

    @Test
    void aGrownModelComputesEverySequenceThatFittedBeforeExactlyAsBeforeAndTheNewRowsCopyEarlierOnes() {
        try (UnifiedModel before = UnifiedModel.create(UnifiedConfig.tiny(), 5)) {
            int old = before.transformer().config().context();
            int d = before.transformer().config().width();
            int[] ids = before.tasks().caption(before.imageTokenizer().encode(
                    dev.tessera.engine.Tessera.sample(2, 32).image()), "a red circle").ids();
            float[] oldLogits = logits(before, ids);
            float[] oldRows = before.transformer().parameters().get("embed.position").toFloatArray();

            UnifiedModel after = before.withContext(old + 70);
            assertThat(after.transformer().config().context()).isEqualTo(old + 70);
            assertThat(after.config().transformer().context()).as("the config says so too, for its checkpoint")
                    .isEqualTo(old + 70);
            float[] rows = after.transformer().parameters().get("embed.position").toFloatArray();
            assertThat(rows).hasSize((old + 70) * d);
            for (int i = 0; i < old * d; i++) {
                assertThat(rows[i]).isEqualTo(oldRows[i]);
            }
            int back = old / 2;
            for (int p = old; p < old + 70; p++) {
                for (int j = 0; j < d; j++) {
                    assertThat(rows[p * d + j]).as("row %d copies row %d", p, p - back).isEqualTo(rows[(p - back) * d + j]);
                }
            }
            assertThat(logits(after, ids)).containsExactly(oldLogits);
            // a sequence longer than the old context now runs
            int[] longer = java.util.Arrays.copyOf(ids, old + 10);
            assertThat(logits(after, longer)).hasSize((old + 10) * after.vocabulary().layout().size());
            after.close();
        }
    }

    @Test
    void aContextNeverShrinks() {
        try (UnifiedModel m = UnifiedModel.create(UnifiedConfig.tiny(), 5)) {
            assertThat(m.withContext(m.transformer().config().context())).isSameAs(m);
            assertThatThrownBy(() -> m.withContext(8)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("grow, not shrink");
        }
    }

    private static float[] logits(UnifiedModel m, int[] ids) {
        return TaskTagBindingTest.logits(m, ids);
    }
}
