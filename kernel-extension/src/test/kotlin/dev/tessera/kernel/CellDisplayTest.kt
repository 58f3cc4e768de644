package dev.tessera.kernel

import org.assertj.core.api.Assertions.assertThat
import org.jetbrains.kotlinx.jupyter.api.KotlinKernelHost
import org.junit.jupiter.api.Test
import java.lang.reflect.Proxy

class CellDisplayTest {

    /** A kernel host that records its display calls and answers nothing else. */
    private fun recordingHost(calls: MutableList<String>): KotlinKernelHost =
        Proxy.newProxyInstance(javaClass.classLoader, arrayOf(KotlinKernelHost::class.java)) { _, method, args ->
            when (method.name) {
                "display", "updateDisplay" -> calls.add("${method.name}(${args[0]}, ${args.getOrNull(1)})")
                else -> throw UnsupportedOperationException(method.name)
            }
            null
        } as KotlinKernelHost

    @Test
    fun `the bound host receives the magic's displays and updates`() {
        val calls = mutableListOf<String>()
        CellDisplay.bind(recordingHost(calls))
        val display = CellDisplay.current()
        display.show("chart", "progress-1")
        display.update("chart 2", "progress-1")
        display.show(null, "ignored")
        assertThat(calls).containsExactly("display(chart, progress-1)", "updateDisplay(chart 2, progress-1)")
    }

    @Test
    fun `a failing display never stops the magic`() {
        val failing = Proxy.newProxyInstance(javaClass.classLoader, arrayOf(KotlinKernelHost::class.java)) { _, _, _ ->
            throw IllegalStateException("client went away")
        } as KotlinKernelHost
        CellDisplay.bind(failing)
        CellDisplay.current().show("x", "id")
        CellDisplay.current().update("y", "id")
    }
}
