package dev.tessera.engine.lm;

import dev.tessera.engine.vocab.SpecialToken;
import dev.tessera.engine.vocab.VocabularyLayout;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FoldingTest {

    /** 20 text ids, 3 levels of 6 codes. */
    static final VocabularyLayout LAYOUT = new VocabularyLayout(20, 3, 6);

    /** {@code <generate> t0 t1 <boi>} + 4 positions of 3 levels + {@code <eoi>} + 2 decompressed ids outside the span + {@code <eos>}. */
    static int[] sequence() {
        int[] head = {LAYOUT.id(SpecialToken.GENERATE), LAYOUT.textId(0), LAYOUT.textId(1), LAYOUT.id(SpecialToken.BOI)};
        int[] image = IntStream.range(0, 12).map(i -> LAYOUT.imageId(i % 3, (i * 5) % 6)).toArray();
        int[] tail = {LAYOUT.id(SpecialToken.EOI), LAYOUT.imageId(0, 2), LAYOUT.imageId(1, 3), LAYOUT.id(SpecialToken.EOS)};
        int[] ids = Arrays.copyOf(head, 4 + 12 + 4);
        System.arraycopy(image, 0, ids, 4, 12);
        System.arraycopy(tail, 0, ids, 16, 4);
        return ids;
    }

    @Test
    void anImageSpanFoldsIntoOnePositionPerGridPositionAndEverythingElseStaysOneIdPerPosition() {
        int[] ids = sequence();
        Folding f = Folding.of(ids, LAYOUT);
        // 4 before the span, 4 stacked positions, <eoi>, 2 lone image ids, <eos>
        assertThat(f.positions()).isEqualTo(4 + 4 + 4);
        assertThat(f.width()).containsExactly(1, 1, 1, 1, 3, 3, 3, 3, 1, 1, 1, 1);
        assertThat(IntStream.range(0, f.positions()).filter(f::stacked).toArray()).containsExactly(4, 5, 6, 7);
        assertThat(f.position()[4]).isEqualTo(4);
        assertThat(f.position()[6]).isEqualTo(4);
        assertThat(f.position()[7]).isEqualTo(5);
        assertThat(f.level(6)).isEqualTo(2);
        assertThat(f.level(7)).isZero();
        assertThat(f.level(18)).as("an image id outside a span is its own position").isZero();
    }

    @Test
    void theFoldedPositionsConcatenateBackToTheFlatIds() {
        int[] ids = sequence();
        Folding f = Folding.of(ids, LAYOUT);
        int[] back = IntStream.range(0, f.positions()).mapToObj(f::idsAt).flatMapToInt(Arrays::stream).toArray();
        assertThat(back).containsExactly(ids);
        for (int i = 0; i < ids.length; i++) {
            assertThat(f.idsAt(f.position()[i])[f.level(i)]).isEqualTo(ids[i]);
        }
    }

    @Test
    void aSpanWithLevelsOutOfOrderOrAPositionCutShortIsRefused() {
        int[] ids = sequence();
        int[] swapped = ids.clone();
        swapped[5] = ids[6];
        swapped[6] = ids[5];
        assertThatThrownBy(() -> Folding.of(swapped, LAYOUT)).hasMessageContaining("levels 0..2");
        int[] cut = Arrays.copyOf(ids, 9);
        assertThatThrownBy(() -> Folding.of(cut, LAYOUT)).hasMessageContaining("in order");
    }

    @Test
    void aBatchPadsShorterRowsOnTheChosenSideWithOneUsedPadSlot() {
        int[] ids = sequence();
        Folding longRow = Folding.of(ids, LAYOUT);
        Folding shortRow = Folding.of(Arrays.copyOf(ids, 3), LAYOUT);
        int pad = LAYOUT.id(SpecialToken.PAD);
        for (boolean left : new boolean[] {true, false}) {
            FoldedBatch b = FoldedBatch.of(List.of(longRow, shortRow), 3, pad, left, null);
            assertThat(b.positions()).isEqualTo(12);
            assertThat(b.padding()).containsExactly(0, 9);
            int first = left ? 9 : 0;
            // the short row's first real position holds <generate> in slot 0 only
            int at = (12 + first) * 3;
            assertThat(b.ids()[at]).isEqualTo(ids[0]);
            assertThat(Arrays.copyOfRange(b.slots(), at, at + 3)).containsExactly(1f, 0f, 0f);
            // row 0's first stacked position: all three slots
            assertThat(Arrays.copyOfRange(b.slots(), 4 * 3, 5 * 3)).containsExactly(1f, 1f, 1f);
            assertThat(Arrays.copyOfRange(b.ids(), 4 * 3, 5 * 3)).containsExactly(ids[4], ids[5], ids[6]);
            double used = 0;
            for (float s : b.slots()) {
                used += s;
            }
            assertThat(used).isEqualTo(ids.length + 3 + 9);
        }
    }
}
