package dev.tessera.kernel

import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.ValueSource

class MagicLinesTest {

    @ParameterizedTest
    @ValueSource(strings = ["%tessera", "%tessera help", "  %tessera help", "%tessera\ttokenize sample:3", "%tessera help\r"])
    fun `recognises magic lines`(line: String) {
        assertThat(MagicLines.isMagic(line)).isTrue()
    }

    @ParameterizedTest
    @ValueSource(strings = ["", "%tesserax", "%use tessera", "val x = 1 // %tessera help", "\"%tessera help\"", "% tessera"])
    fun `leaves other lines alone`(line: String) {
        assertThat(MagicLines.isMagic(line)).isFalse()
    }

    @Test
    fun `rewrites only magic lines and keeps the line count`() {
        val code = "val n = 3\n%tessera tokenize sample:3 --size 64\nprintln(n)"
        assertThat(MagicLines.rewrite(code)).isEqualTo(
            "val n = 3\ndev.tessera.magic.Magics.run(\"tokenize sample:3 --size 64\", ${MagicLines.DISPLAY_ARG})\nprintln(n)",
        )
    }

    @Test
    fun `keeps indentation and trims the command`() {
        assertThat(MagicLines.toCall("    %tessera   help  \r")).isEqualTo("    dev.tessera.magic.Magics.run(\"help\", ${MagicLines.DISPLAY_ARG})")
    }

    @Test
    fun `bare magic passes an empty command`() {
        assertThat(MagicLines.toCall("%tessera")).isEqualTo("dev.tessera.magic.Magics.run(\"\", ${MagicLines.DISPLAY_ARG})")
    }

    @Test
    fun `code without magics is untouched`() {
        val code = "val s = \"%tessera\"\r\nprintln(s)\n"
        assertThat(MagicLines.containsMagic(code)).isFalse()
        assertThat(MagicLines.rewrite(code)).isEqualTo(code)
    }

    @Test
    fun `escapes as a Kotlin string literal`() {
        val d = '$'
        val cases = listOf(
            "tokenize sample:3" to "\"tokenize sample:3\"",
            "tokenize \"my file.png\"" to "\"tokenize \\\"my file.png\\\"\"",
            "tokenize ${d}HOME/a.png" to "\"tokenize \\${d}HOME/a.png\"",
            "x ${d}{1+1}" to "\"x \\${d}{1+1}\"",
            "tokenize C:\\img\\a.png" to "\"tokenize C:\\\\img\\\\a.png\"",
            "a\\" to "\"a\\\\\"",
            "it's" to "\"it's\"",
            "tokenize /tmp/café.png" to "\"tokenize /tmp/café.png\"",
        )
        for ((text, literal) in cases) {
            assertThat(MagicLines.kotlinStringLiteral(text)).`as`(text).isEqualTo(literal)
        }
    }

    @Test
    fun `escapes control and invisible characters`() {
        assertThat(MagicLines.kotlinStringLiteral("a\tb\u0000c\u2028d\u200Be\b"))
            .isEqualTo("\"a\\tb\\u0000c\\u2028d\\u200be\\b\"")
    }

    @Test
    fun `escapes lone surrogates so the source stays valid`() {
        assertThat(MagicLines.kotlinStringLiteral("\uD83D")).isEqualTo("\"\\ud83d\"")
    }
}
