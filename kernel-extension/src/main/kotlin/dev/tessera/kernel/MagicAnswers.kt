package dev.tessera.kernel

import dev.tessera.magic.HelpText
import dev.tessera.magic.MagicError
import dev.tessera.render.TextBundles

/**
 * The magics' own answers, help pages and errors, as MIME bundles. They are records of the
 * magics module, which the renderers do not depend on (they draw engine results), so this is
 * where the two meet: the records' fields go to [TextBundles], which draws them.
 */
internal object MagicAnswers {
    fun supports(value: Any?): Boolean = value is HelpText || value is MagicError

    /** The bundle of a help page or a magic error, or null for anything else. */
    fun mimeBundle(value: Any?): Map<String, String>? = when (value) {
        is HelpText -> TextBundles.help(value.text())
        is MagicError -> TextBundles.error(value.problem(), value.usage())
        else -> null
    }
}
