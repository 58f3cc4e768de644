package dev.tessera.kernel

/**
 * Turns `%tessera ...` lines into plain Kotlin calls of `dev.tessera.magic.Magics.run`.
 *
 * The kernel rejects unknown `%` lines, but library preprocessors run before its own magics
 * processor, so each magic line becomes an expression the compiler accepts; when it is the
 * last line of the cell, its value is the cell's result and gets displayed. One line stays
 * one line, so compiler messages keep pointing at the line the user wrote.
 */
object MagicLines {
    const val PREFIX = "%tessera"
    private const val CALL = "dev.tessera.magic.Magics.run"

    /**
     * The cell's live display, so long magics (training) can redraw one output in place: a plain
     * call, no lambda, so the kernel compiles the rewritten line quickly ([CellDisplay.current]).
     */
    const val DISPLAY_ARG = "dev.tessera.kernel.CellDisplay.current()"

    /** True when [line] is a Tessera magic: `%tessera` alone or followed by whitespace. */
    fun isMagic(line: String): Boolean {
        val text = line.trimStart()
        return text.startsWith(PREFIX) && (text.length == PREFIX.length || text[PREFIX.length].isWhitespace())
    }

    /** True when any line of [code] is a Tessera magic. */
    fun containsMagic(code: String): Boolean = code.lineSequence().any(::isMagic)

    /** [code] with every magic line replaced by the call that runs it; other lines untouched. */
    fun rewrite(code: String): String =
        code.split('\n').joinToString("\n") { if (isMagic(it)) toCall(it) else it }

    /**
     * `%tessera tokenize x` -> `dev.tessera.magic.Magics.run("tokenize x", <cell display>)`,
     * indentation kept, still one line.
     */
    fun toCall(line: String): String {
        val indent = line.substring(0, line.length - line.trimStart().length)
        val rest = line.trimStart().substring(PREFIX.length).trim()
        return "$indent$CALL(${kotlinStringLiteral(rest)}, $DISPLAY_ARG)"
    }

    /**
     * [text] as a Kotlin string literal that evaluates to exactly [text]: quotes, backslashes
     * and `$` (string templates) are escaped, and so is every character that could end the
     * line or be invisible in the source.
     */
    fun kotlinStringLiteral(text: String): String = buildString(text.length + 2) {
        append('"')
        for (c in text) {
            when (c) {
                '\\' -> append("\\\\")
                '"' -> append("\\\"")
                '$' -> append("\\$")
                '\n' -> append("\\n")
                '\r' -> append("\\r")
                '\t' -> append("\\t")
                '\b' -> append("\\b")
                else -> if (needsUnicodeEscape(c)) append("\\u%04x".format(c.code)) else append(c)
            }
        }
        append('"')
    }

    private fun needsUnicodeEscape(c: Char): Boolean {
        val type = Character.getType(c).toByte()
        return c.isISOControl() || c.isSurrogate() || type == Character.LINE_SEPARATOR ||
            type == Character.PARAGRAPH_SEPARATOR || type == Character.FORMAT
    }
}
