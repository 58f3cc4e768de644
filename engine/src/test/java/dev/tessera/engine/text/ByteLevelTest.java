package dev.tessera.engine.text;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ByteLevelTest {

    @Test
    void bytesToUnicodeIsGpt2s() {
        assertThat(ByteLevel.symbol(' ')).isEqualTo('Ġ');
        assertThat(ByteLevel.symbol('\n')).isEqualTo('Ċ');
        assertThat(ByteLevel.symbol(0)).isEqualTo('Ā');
        assertThat(ByteLevel.symbol('a')).isEqualTo('a');
        assertThat(ByteLevel.symbol(0xAD)).isEqualTo('Ń'); // the soft hyphen is the last remapped byte: U+0100 + 67
    }

    @Test
    void theAlphabetHas256DistinctSymbolsNumberedAsGpt2() {
        List<String> a = ByteLevel.alphabet();
        assertThat(new HashSet<>(a)).hasSize(256);
        // GPT-2's vocab.json: "!" is 0, "a" is 64, "ÿ" is 187, "Ā" 188, "Ġ" 220, "Ń" 255
        assertThat(a.get(0)).isEqualTo("!");
        assertThat(a.get(64)).isEqualTo("a");
        assertThat(a.get(187)).isEqualTo("ÿ");
        assertThat(a.get(188)).isEqualTo("Ā");
        assertThat(a.get(220)).isEqualTo("Ġ");
        assertThat(a.get(255)).isEqualTo("Ń");
    }

    @Test
    void splitsLikeGpt2() {
        assertThat(ByteLevel.split("Hello world's  end!!\n"))
                .containsExactly("Hello", " world", "'s", " ", " end", "!!", "\n");
        assertThat(ByteLevel.split("two red circles and a blue square"))
                .containsExactly("two", " red", " circles", " and", " a", " blue", " square");
        assertThat(ByteLevel.split("abc123 4.5")).containsExactly("abc", "123", " 4", ".", "5");
        assertThat(ByteLevel.split("a\u3000b")).containsExactly("a", "\u3000", "b"); // Unicode white space
    }

    @Test
    void splittingAndTheByteMapLoseNothing() {
        for (String s : TextFixtures.randomTexts(1, 300)) {
            assertThat(String.join("", ByteLevel.split(s))).isEqualTo(s);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteLevel.appendBytes(ByteLevel.toSymbols(s), out);
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(s);
        }
    }
}
