package dev.tessera.engine.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ByteLevelBpeTest {

    private static final int A = 64; // ids of the byte symbols, as in GPT-2
    private static final int B = 65;
    private static final int SPACE = 220;

    @TempDir
    Path dir;

    /*
     * Corpus {"aaab", "aaab", "ab"}: pairs (a,a) 2x2 = 4, (a,b) 2+1 = 3 -> merge "a a" (256).
     * Words then [aa,a,b] x2, [a,b]: (aa,a) 2, (a,b) 3 -> merge "a b" (257).
     * Words then [aa,ab] x2, [ab]: (aa,ab) 2 -> merge "aa ab" (258); no pairs remain.
     */
    @Test
    void tinyCorpusGivesTheMergesWorkedOutByHand() {
        ByteLevelBpe bpe = ByteLevelBpe.train(List.of("aaab", "aaab", "ab"), new BpeTrainingConfig(1000, 1));
        assertThat(bpe.merges()).extracting(BpeMerge::toString).containsExactly("a a", "a b", "aa ab");
        assertThat(bpe.vocabSize()).isEqualTo(259);
        assertThat(bpe.token(256)).isEqualTo("aa");
        assertThat(bpe.token(257)).isEqualTo("ab");
        assertThat(bpe.token(258)).isEqualTo("aaab");
        assertThat(bpe.encode("aaab")).containsExactly(258);
        assertThat(bpe.encode("ab")).containsExactly(257);
        assertThat(bpe.encode("aab")).containsExactly(256, B);
        assertThat(bpe.encode("ba")).containsExactly(B, A);
        assertThat(bpe.encode("aaab ab")).containsExactly(258, SPACE, 257); // " ab" is one word, "Ġab" has no merge
    }

    @Test
    void trainingStopsAtTheVocabularySizeOrTheMinimumFrequency() {
        List<String> corpus = List.of("aaab", "aaab", "ab");
        assertThat(ByteLevelBpe.train(corpus, new BpeTrainingConfig(257, 1)).merges())
                .extracting(BpeMerge::toString).containsExactly("a a");
        // "aa ab" occurs only twice
        assertThat(ByteLevelBpe.train(corpus, new BpeTrainingConfig(1000, 3)).merges())
                .extracting(BpeMerge::toString).containsExactly("a a", "a b");
        assertThat(ByteLevelBpe.train(List.of(), BpeTrainingConfig.tiny()).vocabSize()).isEqualTo(256);
    }

    @Test
    void tiesGoToTheSmallestPairWhateverTheCorpusOrder() {
        BpeTrainingConfig one = new BpeTrainingConfig(257, 1);
        assertThat(ByteLevelBpe.train(List.of("cd", "ab"), one).merges()).containsExactly(new BpeMerge("a", "b"));
        assertThat(ByteLevelBpe.train(List.of("ba", "ab"), one).merges()).containsExactly(new BpeMerge("a", "b"));
    }

    @Test
    void decodeInvertsEncodeOnCaptionsAndArbitraryText() {
        ByteLevelBpe bpe = ByteLevelBpe.train(TextFixtures.captions(1, 300), BpeTrainingConfig.captions());
        List<String> texts = new ArrayList<>(TextFixtures.captions(2, 100));
        texts.addAll(TextFixtures.QUESTIONS);
        texts.addAll(TextFixtures.ODD);
        texts.addAll(TextFixtures.randomTexts(3, 300));
        for (String s : texts) {
            int[] ids = bpe.encode(s);
            assertThat(java.util.Arrays.stream(ids)).allMatch(id -> id >= 0 && id < bpe.vocabSize());
            assertThat(bpe.decode(ids)).as("round trip of %s", s).isEqualTo(s);
            assertThat(bpe.encode(s)).as("cached encoding").isEqualTo(ids);
        }
    }

    @Test
    void captionWordsAreAboutOneTokenEach() {
        ByteLevelBpe bpe = ByteLevelBpe.train(TextFixtures.captions(1, 500), BpeTrainingConfig.captions());
        long tokens = 0;
        long words = 0;
        for (String c : TextFixtures.captions(99, 500)) { // held-out scenes
            tokens += bpe.encode(c).length;
            words += c.split(" ").length;
        }
        assertThat((double) tokens / words).isLessThanOrEqualTo(1.3);
        assertThat(bpe.encode("two red circles and a blue square")).hasSize(7);
        assertThat(bpe.vocabSize()).isLessThanOrEqualTo(512);
    }

    @Test
    void trainingIsDeterministicToTheByte() throws Exception {
        List<String> corpus = TextFixtures.captions(5, 200);
        Path a = ByteLevelBpe.train(corpus, BpeTrainingConfig.captions()).save(dir.resolve("a/tokenizer.json"));
        Path b = ByteLevelBpe.train(corpus, BpeTrainingConfig.captions()).save(dir.resolve("b/tokenizer.json"));
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    }

    @Test
    void saveThenLoadGivesTheSameTokenizer() {
        ByteLevelBpe bpe = ByteLevelBpe.train(TextFixtures.captions(1, 300), BpeTrainingConfig.captions());
        Path file = bpe.save(dir.resolve("tokenizer.json"));
        ByteLevelBpe back = ByteLevelBpe.load(dir); // a folder holding tokenizer.json also works
        assertThat(back.merges()).isEqualTo(bpe.merges());
        assertThat(back.vocabSize()).isEqualTo(bpe.vocabSize());
        for (int id = 0; id < bpe.vocabSize(); id++) {
            assertThat(back.token(id)).isEqualTo(bpe.token(id));
        }
        List<String> texts = new ArrayList<>(TextFixtures.captions(7, 100));
        texts.addAll(TextFixtures.ODD);
        for (String s : texts) {
            assertThat(back.encode(s)).isEqualTo(bpe.encode(s));
        }
        assertThat(ByteLevelBpe.load(file).merges()).isEqualTo(bpe.merges());
    }

    @Test
    void mergesApplyByRankNotLeftToRight() throws Exception {
        // rank 0 joins "b c" first, so "abc" is [a, bc] even though "a b" is also a merge
        Path file = TextFixtures.gpt2Style(dir.resolve("t.json"), List.of("bc", "ab", "abc"), List.of("b c", "a b", "ab c"));
        ByteLevelBpe bpe = ByteLevelBpe.load(file);
        assertThat(bpe.encode("abc")).containsExactly(A, 256);
        assertThat(bpe.encode("abd")).containsExactly(257, ByteLevel.alphabet().indexOf("d"));
    }

    @Test
    void badIdsAreRejected() {
        ByteLevelBpe bpe = ByteLevelBpe.train(List.of("ab"), BpeTrainingConfig.tiny());
        assertThatThrownBy(() -> bpe.token(bpe.vocabSize())).hasMessageContaining("outside 0..");
        assertThatThrownBy(() -> bpe.decode(new int[] {-1})).hasMessageContaining("outside 0..");
    }
}
