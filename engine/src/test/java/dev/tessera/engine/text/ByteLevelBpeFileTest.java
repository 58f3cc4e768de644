package dev.tessera.engine.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading tokenizer.json files with {@link ByteLevelBpe#load}: what it accepts and how it refuses. */
class ByteLevelBpeFileTest {

    @TempDir
    Path dir;

    @Test
    void theSavedFileHasHuggingFacesLayout() throws Exception {
        Path file = ByteLevelBpe.train(List.of("aaab", "aaab", "ab"), BpeTrainingConfig.tiny()).save(dir.resolve("t.json"));
        String json = Files.readString(file);
        assertThat(json).contains("\"version\" : \"1.0\"", "\"type\" : \"BPE\"", "\"type\" : \"ByteLevel\"",
                "\"ignore_merges\" : false", "\"merges\" : [ \"a a\", \"a b\", \"aa ab\" ]", "\"Ġ\" : 220");
    }

    @Test
    void readsGpt2sFormatWithAddedTokensAndPairMerges() throws Exception {
        ObjectNode tree = TextFixtures.gpt2StyleTree(List.of("ab", "<|endoftext|>"), List.of());
        tree.withArray("/model/merges").addArray().add("a").add("b"); // the [left, right] form of tokenizers >= 0.20
        tree.withArray("/added_tokens").addObject().put("id", 257).put("content", "<|endoftext|>").put("special", true);
        tree.putObject("post_processor").put("type", "ByteLevel");
        ByteLevelBpe bpe = ByteLevelBpe.load(TextFixtures.write(dir.resolve("gpt2.json"), tree));
        assertThat(bpe.vocabSize()).isEqualTo(258);
        assertThat(bpe.encode("ab")).containsExactly(256);
        assertThat(bpe.decode(new int[] {256, 257})).isEqualTo("ab<|endoftext|>");
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> ByteLevelBpe.load(dir.resolve("nope.json")))
                .isInstanceOf(TextTokenizerException.class)
                .hasMessageContaining("no tokenizer file at").hasMessageContaining("nope.json");
        assertThatThrownBy(() -> ByteLevelBpe.load(dir)).hasMessageContaining("tokenizer.json");
    }

    @Test
    void notJsonIsNamedWithItsPosition() throws Exception {
        Path file = Files.writeString(dir.resolve("t.json"), "{\"model\": [1, 2,");
        assertThatThrownBy(() -> ByteLevelBpe.load(file))
                .isInstanceOf(TextTokenizerException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("is not JSON").hasMessageContaining("line 1");
        Path other = Files.writeString(dir.resolve("config.json"), "{\"vocab_size\": 512}");
        assertThatThrownBy(() -> ByteLevelBpe.load(other)).hasMessageContaining("no \"model\" object");
    }

    @Test
    void anotherModelTypeIsNamed() throws Exception {
        Path file = Files.writeString(dir.resolve("bert.json"),
                "{\"model\": {\"type\": \"WordPiece\", \"vocab\": {\"[UNK]\": 0, \"a\": 1}}}");
        assertThatThrownBy(() -> ByteLevelBpe.load(file))
                .isInstanceOf(TextTokenizerException.class)
                .hasMessageContaining("holds a WordPiece model, not BPE").hasMessageContaining("HuggingFaceTextTokenizer");
    }

    @Test
    void aBpeThatIsNotByteLevelIsNamed() throws Exception {
        ObjectNode tree = TextFixtures.gpt2StyleTree(List.of(), List.of());
        tree.putObject("pre_tokenizer").put("type", "Whitespace");
        Path file = TextFixtures.write(dir.resolve("t.json"), tree);
        assertThatThrownBy(() -> ByteLevelBpe.load(file))
                .isInstanceOf(TextTokenizerException.class)
                .hasMessageContaining("not byte-level").hasMessageContaining("Whitespace");

        Path noBytes = Files.writeString(dir.resolve("u.json"), "{\"pre_tokenizer\": {\"type\": \"ByteLevel\"},"
                + " \"model\": {\"type\": \"BPE\", \"vocab\": {\"a\": 0}, \"merges\": []}}");
        assertThatThrownBy(() -> ByteLevelBpe.load(noBytes))
                .hasMessageContaining("lacks the byte symbol").hasMessageContaining("not a byte-level vocabulary");
    }

    @Test
    void settingsItDoesNotReproduceAreNamed() throws Exception {
        ObjectNode tree = TextFixtures.gpt2StyleTree(List.of(), List.of());
        tree.putObject("normalizer").put("type", "NFC");
        Path file = TextFixtures.write(dir.resolve("t.json"), tree);
        assertThatThrownBy(() -> ByteLevelBpe.load(file))
                .hasMessageContaining("normalizer").hasMessageContaining("NFC").hasMessageContaining("does not implement");

        ObjectNode prefix = TextFixtures.gpt2StyleTree(List.of(), List.of());
        prefix.withObject("/pre_tokenizer").put("add_prefix_space", true);
        Path file2 = TextFixtures.write(dir.resolve("u.json"), prefix);
        assertThatThrownBy(() -> ByteLevelBpe.load(file2)).hasMessageContaining("add_prefix_space");
    }

    @Test
    void badMergesAreNamed() throws Exception {
        Path unknown = TextFixtures.gpt2Style(dir.resolve("t.json"), List.of(), List.of("a b"));
        assertThatThrownBy(() -> ByteLevelBpe.load(unknown))
                .hasMessageContaining("merge #0 'a b' uses 'ab', which is not in the vocabulary");
        Path malformed = TextFixtures.gpt2Style(dir.resolve("u.json"), List.of("ab"), List.of("ab"));
        assertThatThrownBy(() -> ByteLevelBpe.load(malformed)).hasMessageContaining("merge #0 is \"ab\"");
    }
}
