package dev.tessera.kernel

import org.assertj.core.api.Assertions.assertThat
import org.jetbrains.kotlinx.jupyter.api.KotlinKernelHost
import org.junit.jupiter.api.Test
import java.lang.reflect.Proxy

class CellDisplayTest {

    /** A kernel host that records its display calls, or fails them when [fail] is set; it answers nothing else. */
    private fun host(calls: MutableList<String>, fail: Boolean = false): KotlinKernelHost =
        Proxy.newProxyInstance(javaClass.classLoader, arrayOf(KotlinKernelHost::class.java)) { _, method, args ->
            when (method.name) {
                "display", "updateDisplay" -> {
                    calls.add("${method.name}(${args[0]}, ${args.getOrNull(1)})")
                    if (fail) throw IllegalStateException("client went away")
                }
                else -> throw UnsupportedOperationException(method.name)
            }
            null
        } as KotlinKernelHost

    @Test
    fun `the bound host receives the magic's displays and updates`() {
        val calls = mutableListOf<String>()
        CellDisplay.bind(host(calls))
        val display = CellDisplay.current()
        display.show("chart", "progress-1")
        display.update("chart 2", "progress-1")
        display.show(null, "ignored")
        assertThat(calls).containsExactly("display(chart, progress-1)", "updateDisplay(chart 2, progress-1)")
    }

    @Test
    fun `a display asked for later goes to the host bound last`() {
        val first = mutableListOf<String>()
        val second = mutableListOf<String>()
        CellDisplay.bind(host(first))
        CellDisplay.bind(host(second))
        CellDisplay.current().show("board", "b")
        assertThat(first).isEmpty()
        assertThat(second).containsExactly("display(board, b)")
    }

    @Test
    fun `a failing display never stops the magic`() {
        val calls = mutableListOf<String>()
        CellDisplay.bind(host(calls, fail = true))
        CellDisplay.current().show("x", "id")
        CellDisplay.current().update("y", "id")
        assertThat(calls).containsExactly("display(x, id)", "updateDisplay(y, id)")
    }
}
