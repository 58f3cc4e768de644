package dev.tessera.tests

import org.jetbrains.kotlinx.jupyter.EvalRequestData
import org.jetbrains.kotlinx.jupyter.ReplForJupyter
import org.jetbrains.kotlinx.jupyter.api.MimeTypedResult
import org.jetbrains.kotlinx.jupyter.libraries.getDefaultClasspathResolutionInfoProvider
import org.jetbrains.kotlinx.jupyter.libraries.getStandardResolver
import org.jetbrains.kotlinx.jupyter.repl.creating.createRepl
import java.awt.image.BufferedImage
import java.io.ByteArrayInputStream
import java.io.File
import java.util.Base64
import javax.imageio.ImageIO

/**
 * The Kotlin notebook kernel's REPL inside the test JVM, with Tessera loaded by the notebook's
 * own first line (`%use tessera`). The published test-kit does not match kernel 0.11.0-398, so
 * this is built on `createRepl` directly.
 *
 * Embedded mode: cell code sees the test classpath through the test class loader, so DJL's
 * native library is loaded once per JVM however many REPLs the tests create.
 */
class TesseraRepl private constructor(private val repl: ReplForJupyter) {

    /** Runs one cell as a notebook would; throws the kernel's ReplException when the cell fails. */
    fun cell(code: String): Cell = repl.evalEx(EvalRequestData(code)).let { Cell(it.rawValue, it.renderedValue) }

    companion object {
        const val LOAD_LINE = "%use tessera"

        fun start(): TesseraRepl {
            val classpath = System.getProperty("java.class.path").split(File.pathSeparator).map(::File)
            val info = getDefaultClasspathResolutionInfoProvider()
            val repl = createRepl(
                resolutionInfoProvider = info,
                scriptClasspath = classpath,
                libraryResolver = getStandardResolver(null, info),
                isEmbedded = true,
            )
            return TesseraRepl(repl).apply { cell(LOAD_LINE) }
        }
    }
}

/** What one cell produced: the value of its last expression and what the notebook shows for it. */
class Cell(val value: Any?, val rendered: Any?) {

    /** The MIME bundle shown for the cell (empty when it displays nothing rich). */
    val mime: Map<String, String> get() = (rendered as? MimeTypedResult) ?: emptyMap()

    /** All text of the display, plain and HTML. */
    val text: String get() = listOfNotNull(mime["text/plain"], mime["text/html"]).joinToString("\n")

    /** The displayed PNG, decoded. */
    fun png(): BufferedImage {
        val base64 = mime["image/png"] ?: throw AssertionError("no image/png in the display; MIME types: ${mime.keys}, text: $text")
        return ImageIO.read(ByteArrayInputStream(Base64.getMimeDecoder().decode(base64)))
            ?: throw AssertionError("image/png does not decode as a PNG")
    }
}
