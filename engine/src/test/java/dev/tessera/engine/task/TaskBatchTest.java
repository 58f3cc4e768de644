package dev.tessera.engine.task;

import dev.tessera.engine.vocab.VocabularyLayout;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TaskBatchTest {

    @Test
    void targetsAreShiftedAndOnlyTheTargetPartIsScored() {
        VocabularyLayout l = new VocabularyLayout(10, 1, 4);
        int img = l.imageStart();
        // prompt: 4 (tag), 6, 7 | target: img, img+1, 1 (eos-like control)
        TaskExample a = new TaskExample("generate", new int[] {4, 8, 9, img, img + 1, 3}, 3);
        TaskExample b = new TaskExample("caption", new int[] {5, img + 2, 10, 1}, 2);
        TaskBatch batch = TaskBatch.of(List.of(a, b), l, 0);
        assertThat(batch.length()).isEqualTo(5);
        assertThat(batch.inputs()).containsExactly(4, 8, 9, img, img + 1, 5, img + 2, 10, 0, 0);
        assertThat(batch.targets()).containsExactly(8, 9, img, img + 1, 3, img + 2, 10, 1, 0, 0);
        assertThat(batch.imageMask()).containsExactly(0, 0, 1, 1, 0, 0, 0, 0, 0, 0);
        assertThat(batch.textMask()).containsExactly(0, 0, 0, 0, 1, 0, 1, 1, 0, 0);
        assertThat(batch.targetCount()).isEqualTo(5);
    }
}
