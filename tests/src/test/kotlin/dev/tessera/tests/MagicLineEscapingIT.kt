package dev.tessera.tests

import dev.tessera.kernel.MagicLines
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.TestInstance
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.ValueSource

/** The Kotlin compiler itself reads back every escaped magic argument unchanged. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MagicLineEscapingIT {
    private val repl = TesseraRepl.start()

    @ParameterizedTest
    @ValueSource(
        strings = [
            "tokenize sample:3 --size 64",
            "tokenize \"/tmp/my image.png\"",
            "tokenize \$HOME/a.png \${1 + 1} \$",
            "tokenize C:\\images\\a.png \\",
            "tab\there, nul\u0000, line sep\u2028, bom\uFEFF, café, \uD83D\uDE00",
            "\"\"\" raw \"\"\"",
        ],
    )
    fun `escaped literal evaluates to the original text`(text: String) {
        assertThat(repl.cell(MagicLines.kotlinStringLiteral(text)).value).isEqualTo(text)
    }
}
