package dev.tessera.engine.task;

import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.lm.Folding;
import dev.tessera.engine.text.BpeTrainingConfig;
import dev.tessera.engine.text.ByteLevelBpe;
import dev.tessera.engine.tokenize.TokenGrid;
import dev.tessera.engine.vocab.SharedVocabulary;
import dev.tessera.engine.vocab.SpecialToken;
import dev.tessera.engine.vocab.TokenKind;
import dev.tessera.engine.vocab.VocabularyLayout;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecompressTaskTest {

    static final ByteLevelBpe TEXT = ByteLevelBpe.train(List.of("a red circle", "two blue squares"), BpeTrainingConfig.tiny());
    /** A 3x3 grid of depth 2 over 5 codes. */
    static final VocabularyLayout LAYOUT = new VocabularyLayout(TEXT.vocabSize(), 2, 5).withTaskTags(List.of(DecompressTask.TAG));
    static final SharedVocabulary VOCAB = new SharedVocabulary(LAYOUT, TEXT, 3, 3);

    static SceneItem item() {
        int[] codes = IntStream.range(0, 18).map(i -> (i * 3 + 1) % 5).toArray();
        return new SceneItem(new SceneGenerator(new SceneConfig(16, 1, 2, 1)).scene(0), new TokenGrid(3, 3, 2, codes, 5));
    }

    @Test
    void anExampleIsTheStackedImageThenItsStartThenTheFlatCodesOfOneSegmentAsTheTarget() {
        TaskSequences sequences = new TaskSequences(VOCAB);
        SceneItem item = item();
        int[] image = VOCAB.encodeImage(item.tokens());
        Set<Integer> starts = new HashSet<>();
        SplittableRandom rng = new SplittableRandom(3);
        for (int draw = 0; draw < 40; draw++) {
            TaskExample e = new DecompressTask(4).example(sequences, item, rng);
            int[] ids = e.ids();
            assertThat(ids[0]).isEqualTo(LAYOUT.tagId(DecompressTask.TAG));
            assertThat(ids[1]).isEqualTo(LAYOUT.id(SpecialToken.BOI));
            assertThat(Arrays.copyOfRange(ids, 2, 2 + 18)).as("the whole image in its span").containsExactly(image);
            assertThat(ids[20]).isEqualTo(LAYOUT.id(SpecialToken.EOI));
            int answer = e.targetStart() - 1;
            assertThat(ids[answer]).isEqualTo(LAYOUT.id(SpecialToken.ANSWER));
            int start = Integer.parseInt(VOCAB.decodeText(Arrays.copyOfRange(ids, 21, answer)));
            starts.add(start);
            int end = Math.min(9, start + 4);
            assertThat(e.target()).as("segment from %d", start).containsExactly(IntStream.concat(
                    Arrays.stream(image, start * 2, end * 2), IntStream.of(LAYOUT.id(SpecialToken.EOS))).toArray());
            // folded: the span is 9 positions, every target id a position of its own
            Folding f = Folding.of(ids, LAYOUT);
            assertThat(f.positions()).isEqualTo(ids.length - 9);
            for (int i = e.targetStart(); i < ids.length; i++) {
                assertThat(f.stacked(f.position()[i])).isFalse();
            }
            assertThat(Arrays.stream(e.target()).filter(id -> LAYOUT.kind(id) == TokenKind.IMAGE).count())
                    .isEqualTo((end - start) * 2L);
        }
        assertThat(starts).as("segments of 4 of 9 positions").containsExactlyInAnyOrder(0, 4, 8);
    }

    @Test
    void oneSegmentOfTheWholeGridIsTheFullDecompression() {
        TaskExample e = new DecompressTask(9).example(new TaskSequences(VOCAB), item(), new SplittableRandom(1));
        int[] image = VOCAB.encodeImage(item().tokens());
        assertThat(Arrays.copyOf(e.target(), 18)).containsExactly(image);
        assertThat(e.target()).hasSize(19);
        assertThatThrownBy(() -> new DecompressTask(0)).hasMessageContaining("at least 1");
        assertThat(Tasks.get(DecompressTask.NAME)).isEqualTo(new DecompressTask(DecompressTask.DEFAULT_SEGMENT));
    }
}
