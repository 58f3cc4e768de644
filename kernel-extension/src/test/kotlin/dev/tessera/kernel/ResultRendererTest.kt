package dev.tessera.kernel

import dev.tessera.magic.HelpText
import dev.tessera.magic.MagicError
import dev.tessera.render.TextBundles
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test

/** What a cell shows for the magics' own answers and for anything else. */
class ResultRendererTest {
    @Test
    fun `a magic error shows as a marked paragraph with its usage`() {
        val error = MagicError("bad <path>", "Usage: %tessera tokenize PATH")
        assertThat(ResultRenderer.accepts(error)).isTrue()
        val shown = ResultRenderer.display(error)
        assertThat(shown.keys).containsExactly("text/html", TextBundles.ERROR_MIME, "text/plain")
        assertThat(shown["text/html"]).contains("bad &lt;path&gt;").contains("Usage: %tessera tokenize PATH")
        assertThat(shown["text/plain"]).isEqualTo("Tessera: " + error.message())
    }

    @Test
    fun `help shows preformatted without the error marker`() {
        val help = HelpText("%tessera help\n%tessera tokenize PATH")
        assertThat(ResultRenderer.accepts(help)).isTrue()
        val shown = ResultRenderer.display(help)
        assertThat(shown["text/html"]).isEqualTo("<pre class=\"tessera-help\">%tessera help\n%tessera tokenize PATH</pre>")
        assertThat(shown).doesNotContainKey(TextBundles.ERROR_MIME)
    }

    @Test
    fun `other values are left to the kernel`() {
        assertThat(ResultRenderer.accepts("a string")).isFalse()
        assertThat(ResultRenderer.accepts(null)).isFalse()
    }
}
