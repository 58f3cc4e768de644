package dev.tessera.kernel

import dev.tessera.magic.LiveDisplay
import org.jetbrains.kotlinx.jupyter.api.KotlinKernelHost

/**
 * The running cell's display handed to Java magics: [show] and [update] call the kernel host's
 * `display` / `updateDisplay` (what a cell's own `DISPLAY` / `UPDATE_DISPLAY` call), so a
 * training shows one output and redraws it in place. The integration binds the host of every
 * cell before it runs, and the magic line's preprocessor binds it again ([bind]); the rewritten
 * line asks for it when it runs ([current]), so a function holding a magic line that an earlier
 * cell defined displays in the cell that calls it. The line itself holds no lambda, which the
 * kernel would compile in every magic cell (the first one of a session paid for it). A display failure (e.g. a client that
 * dropped the output) never stops the magic; the kernel's interrupt (a [ThreadDeath] thrown
 * into the cell's thread) still reaches it, so a training can stop cleanly.
 */
class CellDisplay(
    private val display: (Any, String?) -> Unit,
    private val updateDisplay: (Any, String?) -> Unit,
) : LiveDisplay {
    override fun show(value: Any?, id: String?) {
        if (value != null) guarded { display(value, id) }
    }

    override fun update(value: Any?, id: String?) {
        if (value != null) guarded { updateDisplay(value, id) }
    }

    @Suppress("DEPRECATION") // ThreadDeath is how kernel 0.11 interrupts a cell
    private inline fun guarded(action: () -> Unit) {
        try {
            action()
        } catch (e: ThreadDeath) {
            throw e
        } catch (e: Throwable) {
            // the display failed; the magic goes on
        }
    }

    companion object {
        @Volatile
        private var host: KotlinKernelHost? = null

        /** Remembers the host of the cell being preprocessed; the kernel runs one cell at a time. */
        fun bind(kernelHost: KotlinKernelHost) {
            host = kernelHost
        }

        /** The display of the cell running now; outside a kernel, one that shows nothing. */
        @JvmStatic
        fun current(): LiveDisplay = host?.let { h ->
            CellDisplay({ v, id -> h.display(v, id) }, { v, id -> h.updateDisplay(v, id) })
        } ?: LiveDisplay.none()
    }
}
