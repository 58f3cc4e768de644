package dev.tessera.kernel

import dev.tessera.engine.runtime.StartupTimings
import dev.tessera.render.Renderers
import org.jetbrains.kotlinx.jupyter.api.CodePreprocessor
import org.jetbrains.kotlinx.jupyter.api.FieldValue
import org.jetbrains.kotlinx.jupyter.api.KotlinKernelHost
import org.jetbrains.kotlinx.jupyter.api.MimeTypedResult
import org.jetbrains.kotlinx.jupyter.api.RendererHandler
import org.jetbrains.kotlinx.jupyter.api.ResultHandlerExecution
import org.jetbrains.kotlinx.jupyter.api.libraries.JupyterIntegration

/**
 * Tessera inside the Kotlin kernel: `%tessera` lines, default imports, and rich display of
 * every result the renderers know and of the magics' help and errors. Registered through
 * `META-INF/kotlin-jupyter-libraries/libraries.json`; all logic lives in the Java modules.
 */
class TesseraIntegration : JupyterIntegration() {
    override fun Builder.onLoaded() {
        import("dev.tessera.magic.*")
        import(*EnginePackages.find(TesseraIntegration::class.java.classLoader).map { "$it.*" }.toTypedArray())
        addRenderer(ResultRenderer)
        addCodePreprocessor(MagicLinePreprocessor)
        // every cell, magic or not: a function with a magic line, defined earlier, displays in the cell that calls it
        beforeCellExecution { CellDisplay.bind(this) }
        // libtorch's libraries load while the user's first Tessera cell is typed and compiled
        dev.tessera.engine.runtime.TesseraRuntime.preloadInBackground()
        warmUpInBackground()
    }
}

/**
 * The first magic line and the first picture of a session pay once for picocli's command model
 * and for Java2D, fonts and the PNG writer; a daemon thread pays it while the first cell is typed
 * and compiled. Nothing depends on it: a failure here only means the first cell pays instead,
 * so it is logged, never shown.
 */
internal fun warmUpInBackground() {
    val warmUp = Thread({
        val started = System.nanoTime()
        try {
            dev.tessera.magic.Magics.parse("tokenize sample:1")
            Renderers.warmUp()
            StartupTimings.first("magic parser and drawing warmed (background)", started)
        } catch (e: Throwable) {
            System.getLogger("dev.tessera.kernel").log(System.Logger.Level.DEBUG, "warm-up failed; the first cell pays for it", e)
        }
    }, "tessera-warm-up")
    warmUp.isDaemon = true
    warmUp.priority = Thread.MIN_PRIORITY
    warmUp.start()
}

/** Displays the magics' answers ([MagicAnswers]) and anything [Renderers] supports as the MIME bundle drawn for it. */
internal object ResultRenderer : RendererHandler {
    // Runs on every cell result: a renderer bug must not break cells that are not Tessera's.
    override fun accepts(value: Any?): Boolean =
        value != null && runCatching { MagicAnswers.supports(value) || Renderers.supports(value) }.getOrDefault(false)

    override val execution = ResultHandlerExecution { _, result -> FieldValue(display(result.value), null) }

    fun display(value: Any?): MimeTypedResult {
        val started = System.nanoTime()
        val bundle = MagicAnswers.mimeBundle(value) ?: Renderers.mimeBundle(value) ?: mapOf("text/plain" to value.toString())
        StartupTimings.first("first result drawn", started)
        StartupTimings.mark("result drawn")
        return MimeTypedResult(bundle)
    }

    override fun replaceVariables(mapping: Map<String, String>) = this

    override fun toString() = "Tessera results (dev.tessera.render.Renderers)"
}

/** Rewrites `%tessera` lines before the kernel's own magics processor sees them. */
internal object MagicLinePreprocessor : CodePreprocessor {
    override fun accepts(code: String): Boolean = runCatching { MagicLines.containsMagic(code) }.getOrDefault(false)

    // Cannot fail for any string; should it ever, the kernel reports the untouched line
    // as an unknown magic instead of the preprocessor failing the cell.
    override fun process(code: String, host: KotlinKernelHost): CodePreprocessor.Result {
        StartupTimings.mark("magic cell preprocessed")
        CellDisplay.bind(host)
        return CodePreprocessor.Result(runCatching { MagicLines.rewrite(code) }.getOrDefault(code))
    }
}
