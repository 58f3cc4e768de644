package dev.tessera.engine.vocab;

import dev.tessera.engine.text.BpeTrainingConfig;
import dev.tessera.engine.text.ByteLevelBpe;
import dev.tessera.engine.tokenize.TokenGrid;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharedVocabularyTest {

    static final ByteLevelBpe TEXT = ByteLevelBpe.train(List.of("a red circle", "two blue squares", "a red circle"),
            BpeTrainingConfig.tiny());

    @Test
    void layoutPutsSpecialsThenTextThenOneBlockPerLevel() {
        VocabularyLayout l = new VocabularyLayout(300, 3, 16);
        assertThat(l.textStart()).isEqualTo(SpecialToken.values().length);
        assertThat(l.imageStart()).isEqualTo(l.textStart() + 300);
        assertThat(l.size()).isEqualTo(l.imageStart() + 48);
        assertThat(l.kind(0)).isEqualTo(TokenKind.SPECIAL);
        assertThat(l.kind(l.textStart())).isEqualTo(TokenKind.TEXT);
        assertThat(l.kind(l.imageStart() - 1)).isEqualTo(TokenKind.TEXT);
        assertThat(l.kind(l.imageStart())).isEqualTo(TokenKind.IMAGE);
        for (int level = 0; level < 3; level++) {
            for (int code = 0; code < 16; code++) {
                int id = l.imageId(level, code);
                assertThat(l.imageLevel(id)).isEqualTo(level);
                assertThat(l.imageCode(id)).isEqualTo(code);
            }
        }
        assertThat(l.special(l.id(SpecialToken.EOI))).isEqualTo(SpecialToken.EOI);
        assertThatThrownBy(() -> l.kind(l.size())).hasMessageContaining("outside the vocabulary");
        assertThatThrownBy(() -> l.imageId(3, 0)).hasMessageContaining("3 levels");
    }

    @Test
    void mixedSequencesRoundTripToTextAndImages() {
        VocabularyLayout l = new VocabularyLayout(TEXT.vocabSize(), 2, 8);
        SharedVocabulary v = new SharedVocabulary(l, TEXT, 2, 3);
        int[] codes = {0, 7, 1, 6, 2, 5, 3, 4, 4, 3, 5, 2};
        TokenGrid grid = new TokenGrid(2, 3, 2, codes, 8);
        int[] image = v.encodeImage(grid);
        assertThat(image).hasSize(12);
        assertThat(l.imageLevel(image[1])).isEqualTo(1);
        int[] text = v.encodeText("a red circle");
        int[] seq = concat(new int[] {v.id(SpecialToken.CAPTION), v.id(SpecialToken.BOI)}, image,
                new int[] {v.id(SpecialToken.EOI)}, text, new int[] {v.id(SpecialToken.EOS)});
        MixedSequence mixed = v.decode(seq);
        assertThat(mixed.text()).isEqualTo("a red circle");
        assertThat(mixed.images()).hasSize(1);
        assertThat(mixed.images().get(0).complete()).isTrue();
        assertThat(mixed.images().get(0).grid()).isEqualTo(grid);
        assertThat(mixed.toString()).isEqualTo("<caption><boi>[image 2x3]<eoi>a red circle<eos>");
        assertThat(v.decodeImage(image)).isEqualTo(grid);
    }

    @Test
    void truncatedImageSpansAreMarkedIncomplete() {
        VocabularyLayout l = new VocabularyLayout(TEXT.vocabSize(), 1, 8);
        SharedVocabulary v = new SharedVocabulary(l, TEXT, 2, 2);
        MixedSequence m = v.decode(new int[] {v.id(SpecialToken.BOI), l.imageId(0, 3), l.imageId(0, 4)});
        assertThat(m.images().get(0).complete()).isFalse();
        assertThat(m.images().get(0).written()).as("the ids the span held, not its padded grid").isEqualTo(2);
        assertThatThrownBy(() -> v.decodeImage(new int[] {l.imageId(0, 1)})).hasMessageContaining("takes 4 ids");
        assertThatThrownBy(() -> v.encodeImage(new TokenGrid(3, 3, new int[9], 8))).hasMessageContaining("2x2");
    }

    static int[] concat(int[]... parts) {
        return java.util.Arrays.stream(parts).flatMapToInt(java.util.Arrays::stream).toArray();
    }
}
