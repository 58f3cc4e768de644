package dev.tessera.kernel

import dev.tessera.magic.LiveDisplay

/**
 * The running cell's display handed to Java magics: [show] and [update] call the cell's own
 * `DISPLAY` / `UPDATE_DISPLAY` (passed in as lambdas by the rewritten magic line), so a
 * training shows one output and redraws it in place. A display failure (e.g. a client that
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
}
