package dev.tessera.magic;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LineSplitterTest {

    @Test
    void blanksSeparateWords() {
        assertThat(LineSplitter.split("  tokenize   sample:3 --size 64 ")).containsExactly("tokenize", "sample:3", "--size", "64");
    }

    @Test
    void quotesKeepBlanksInsideAWord() {
        assertThat(LineSplitter.split("tokenize \"my pics/a b.png\" 'x y'")).containsExactly("tokenize", "my pics/a b.png", "x y");
    }

    @Test
    void backslashEscapesTheNextCharacter() {
        assertThat(LineSplitter.split("tokenize a\\ b.png \"say \\\"hi\\\"\"")).containsExactly("tokenize", "a b.png", "say \"hi\"");
    }

    @Test
    void emptyQuotesMakeAnEmptyWord() {
        assertThat(LineSplitter.split("ask ''")).containsExactly("ask", "");
    }

    @Test
    void anUnclosedQuoteIsAnError() {
        assertThatThrownBy(() -> LineSplitter.split("tokenize \"oops")).hasMessageContaining("unclosed \" quote");
    }
}
