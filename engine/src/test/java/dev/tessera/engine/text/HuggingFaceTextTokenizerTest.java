package dev.tessera.engine.text;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The compatibility contract: a file written by {@link ByteLevelBpe} and run by HuggingFace's
 * Rust library (through DJL) gives exactly the ids of the Java encoder.
 */
class HuggingFaceTextTokenizerTest {

    @TempDir
    static Path dir;

    static ByteLevelBpe bpe;
    static Path file;

    @BeforeAll
    static void trainOnCaptions() {
        bpe = ByteLevelBpe.train(TextFixtures.captions(1, 500), BpeTrainingConfig.captions());
        file = bpe.save(dir.resolve("captions/tokenizer.json"));
    }

    private static List<String> texts() {
        List<String> texts = new ArrayList<>(TextFixtures.captions(2, 500));
        texts.addAll(TextFixtures.QUESTIONS);
        texts.addAll(TextFixtures.ODD);
        texts.addAll(TextFixtures.randomTexts(4, 300));
        return texts;
    }

    @Test
    void rustGivesTheSameIdsAsJavaOnCaptionsQuestionsAndOddText() {
        try (HuggingFaceTextTokenizer hf = HuggingFaceTextTokenizer.load(file)) {
            for (String s : texts()) {
                assertThat(hf.encode(s)).as("ids of \"%s\"", s).isEqualTo(bpe.encode(s));
            }
        }
    }

    @Test
    void rustDecodesJavaIdsToTheSameText() {
        try (HuggingFaceTextTokenizer hf = HuggingFaceTextTokenizer.load(file)) {
            for (String s : texts()) {
                assertThat(hf.decode(bpe.encode(s))).as("text of \"%s\"", s).isEqualTo(s);
            }
        }
    }

    @Test
    void theVocabularyIsReadFromTheFile() {
        try (HuggingFaceTextTokenizer hf = HuggingFaceTextTokenizer.load(file.getParent())) {
            assertThat(hf.vocabSize()).isEqualTo(bpe.vocabSize());
            for (int id = 0; id < bpe.vocabSize(); id++) {
                assertThat(hf.token(id)).isEqualTo(bpe.token(id));
            }
            assertThatThrownBy(() -> hf.decode(new int[] {bpe.vocabSize()})).hasMessageContaining("outside 0..");
        }
    }

    /**
     * A vocabulary learned from the arbitrary texts themselves has merges across white space,
     * symbols and scripts, so any difference in pre-tokenization shows up as different ids.
     */
    @Test
    void rustAndJavaAgreeOnAVocabularyLearnedFromArbitraryText() {
        List<String> corpus = new ArrayList<>(TextFixtures.randomTexts(10, 2000));
        corpus.addAll(TextFixtures.ODD);
        ByteLevelBpe rich = ByteLevelBpe.train(corpus, new BpeTrainingConfig(3000, 1));
        assertThat(rich.vocabSize()).isGreaterThan(2000);
        try (HuggingFaceTextTokenizer hf = HuggingFaceTextTokenizer.load(rich.save(dir.resolve("rich.json")))) {
            for (String s : texts()) {
                assertThat(hf.encode(s)).as("ids of \"%s\"", s).isEqualTo(rich.encode(s));
            }
        }
    }

    /** Merges in a scrambled order still match: both sides apply the lowest-ranked pair first, leftmost first. */
    @Test
    void rustAndJavaAgreeOnAnyMergeOrder() throws Exception {
        List<String> vocab = new ArrayList<>();
        for (int id = 256; id < bpe.vocabSize(); id++) {
            vocab.add(bpe.token(id));
        }
        List<String> merges = new ArrayList<>(bpe.merges().stream().map(BpeMerge::toString).toList());
        Collections.shuffle(merges, new Random(7));
        Path scrambled = TextFixtures.gpt2Style(dir.resolve("scrambled.json"), vocab, merges);
        ByteLevelBpe java = ByteLevelBpe.load(scrambled);
        try (HuggingFaceTextTokenizer hf = HuggingFaceTextTokenizer.load(scrambled)) {
            for (String s : texts()) {
                assertThat(hf.encode(s)).as("ids of \"%s\"", s).isEqualTo(java.encode(s));
            }
        }
    }

    @Test
    void addsNoSpecialTokensAndDoesNotTruncate() throws Exception {
        String longText = String.join(" ", Collections.nCopies(400, "two red circles"));
        try (HuggingFaceTextTokenizer hf = HuggingFaceTextTokenizer.load(file)) {
            assertThat(hf.encode(longText)).hasSizeGreaterThan(512).isEqualTo(bpe.encode(longText));
            assertThat(hf.encode("")).isEmpty();
        }
        assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
    }

    @Test
    void loadingErrorsNameTheProblem() throws Exception {
        assertThatThrownBy(() -> HuggingFaceTextTokenizer.load(dir.resolve("missing.json")))
                .isInstanceOf(TextTokenizerException.class).hasMessageContaining("no tokenizer file at");
        Path notJson = Files.writeString(dir.resolve("bad.json"), "not json");
        assertThatThrownBy(() -> HuggingFaceTextTokenizer.load(notJson))
                .isInstanceOf(TextTokenizerException.class).hasMessageContaining("is not JSON");
        Path rejected = Files.writeString(dir.resolve("odd.json"),
                "{\"model\": {\"type\": \"NoSuchModel\", \"vocab\": {\"a\": 0}}}");
        assertThatThrownBy(() -> HuggingFaceTextTokenizer.load(rejected))
                .isInstanceOf(TextTokenizerException.class)
                .hasMessageContaining("HuggingFace tokenizers could not load").hasMessageContaining("odd.json");
    }

    @Test
    void aClosedTokenizerSaysSo() {
        HuggingFaceTextTokenizer hf = HuggingFaceTextTokenizer.load(file);
        hf.close();
        assertThatThrownBy(() -> hf.encode("a")).isInstanceOf(TextTokenizerException.class)
                .hasMessageContaining("closed");
    }
}
