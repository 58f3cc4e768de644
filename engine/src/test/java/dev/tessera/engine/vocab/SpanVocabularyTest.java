package dev.tessera.engine.vocab;

import dev.tessera.engine.tokenize.TokenGrid;
import dev.tessera.engine.tokenize.TokenSet;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpanVocabularyTest {

    /** Two image levels of 16 codes: content codes, and the 16 patches of a 4x4 grid. */
    private static final VocabularyLayout LAYOUT = new VocabularyLayout(SharedVocabularyTest.TEXT.vocabSize(), 2, 16);
    private static final SharedVocabulary SPANS = SharedVocabulary.spans(LAYOUT, SharedVocabularyTest.TEXT, 4, 5);

    /** Three tokens: centres 1, 6 and 14 of the 4x4 grid, each patch assigned to some token. */
    private static TokenSet three() {
        int[] assignment = {0, 0, 1, 1, 0, 0, 1, 1, 2, 2, 1, 1, 2, 2, 2, 2};
        return new TokenSet(4, new int[] {7, 3, 15}, new int[] {1, 6, 14}, assignment, 16);
    }

    @Test
    void aSpanIsACodeAndACentreIdPerTokenAndReadsBackWithItsClusters() {
        TokenSet set = three();
        int[] ids = SPANS.encodeImage(set);
        assertThat(ids).containsExactly(LAYOUT.imageId(0, 7), LAYOUT.imageId(1, 1), LAYOUT.imageId(0, 3), LAYOUT.imageId(1, 6),
                LAYOUT.imageId(0, 15), LAYOUT.imageId(1, 14));
        assertThat(SPANS.imageTokens()).as("the most ids an image takes").isEqualTo(10);

        int[] seq = new dev.tessera.engine.task.TaskSequences(SPANS).caption(set, "a red circle").ids();
        MixedSequence back = SPANS.decode(seq, List.of(set));
        assertThat(back.spans()).singleElement().satisfies(s -> {
            assertThat(s.complete()).isTrue();
            assertThat(s.written()).isEqualTo(6);
            assertThat(s.tokens()).as("the known set, with its true assignment").isSameAs(set);
        });
        assertThat(back.text()).isEqualTo("a red circle");
        assertThat(back.toString()).isEqualTo("<caption><boi>[span 3 tokens]<eoi>a red circle<eos>");

        // without the set, the ids give codes and centres; each patch goes to its nearest centre
        Segment.Span read = SPANS.decode(seq).spans().get(0);
        assertThat(read.complete()).isTrue();
        assertThat(read.tokens().ids()).containsExactly(7, 3, 15);
        assertThat(read.tokens().centres()).containsExactly(1, 6, 14);
        assertThat(read.tokens().assignment()[0]).isEqualTo(0);
        assertThat(read.tokens().assignment()[15]).isEqualTo(2);
        assertThat(read.tokens().assignment()[7]).as("patch (1,3): centre (1,2) is nearest").isEqualTo(1);
    }

    @Test
    void brokenSpansReadBackIncomplete() {
        int[] ids = SPANS.encodeImage(three());
        int boi = SPANS.id(SpecialToken.BOI);
        int eoi = SPANS.id(SpecialToken.EOI);
        // a truncated span: a code without its centre
        Segment.Span odd = SPANS.decode(new int[] {boi, ids[0], ids[1], ids[2], eoi}).spans().get(0);
        assertThat(odd.complete()).isFalse();
        assertThat(odd.tokens().count()).isEqualTo(1);
        assertThat(odd.written()).isEqualTo(3);
        // centres out of reading order
        Segment.Span swapped = SPANS.decode(new int[] {boi, ids[2], ids[3], ids[0], ids[1], eoi}).spans().get(0);
        assertThat(swapped.complete()).isFalse();
        assertThat(swapped.tokens().count()).isEqualTo(1);
        // a centre where a code belongs
        Segment.Span levels = SPANS.decode(new int[] {boi, ids[1], ids[0], eoi}).spans().get(0);
        assertThat(levels.complete()).isFalse();
        assertThat(levels.tokens()).isNull();
        // an empty span
        assertThat(SPANS.decode(new int[] {boi, eoi}).spans().get(0).complete()).isFalse();
    }

    @Test
    void gridsAndSpansDoNotMix() {
        TokenGrid grid = new TokenGrid(4, 4, 2, new int[32], 16);
        assertThatThrownBy(() -> SPANS.encodeImage(grid)).hasMessageContaining("SeTok spans");
        assertThatThrownBy(() -> SPANS.decodeImage(new int[10])).hasMessageContaining("token sets");
        SharedVocabulary grids = new SharedVocabulary(LAYOUT, SharedVocabularyTest.TEXT, 4, 4);
        assertThat(grids.readsSpans()).isFalse();
        assertThatThrownBy(() -> grids.encodeImage(three())).hasMessageContaining("not SeTok spans");
        TokenSet six = new TokenSet(4, new int[] {1, 2, 3, 4, 5, 6}, new int[] {0, 1, 2, 3, 4, 5}, new int[16], 16);
        assertThatThrownBy(() -> SPANS.encodeImage(six)).hasMessageContaining("at most 5 tokens");
        assertThatThrownBy(() -> SharedVocabulary.spans(new VocabularyLayout(SharedVocabularyTest.TEXT.vocabSize(), 1, 16),
                SharedVocabularyTest.TEXT, 4, 5)).hasMessageContaining("two image levels");
        assertThatThrownBy(() -> SharedVocabulary.spans(LAYOUT, SharedVocabularyTest.TEXT, 5, 5))
                .as("25 patches, 16 codes").hasMessageContaining("no more patches than codes");
    }
}
