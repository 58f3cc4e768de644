package dev.tessera.kernel

import dev.tessera.magic.LiveDisplay

/**
 * The running cell's display handed to Java magics: [show] and [update] call the cell's own
 * `DISPLAY` / `UPDATE_DISPLAY` (passed in as lambdas by the rewritten magic line), so a
 * training shows one output and redraws it in place. A display failure (e.g. a client that
 * dropped the output) never stops the magic.
 */
class CellDisplay(
    private val display: (Any, String?) -> Unit,
    private val updateDisplay: (Any, String?) -> Unit,
) : LiveDisplay {
    override fun show(value: Any?, id: String?) {
        if (value != null) runCatching { display(value, id) }
    }

    override fun update(value: Any?, id: String?) {
        if (value != null) runCatching { updateDisplay(value, id) }
    }
}
