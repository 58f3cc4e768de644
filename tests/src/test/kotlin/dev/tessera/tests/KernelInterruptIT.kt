package dev.tessera.tests

import com.fasterxml.jackson.databind.JsonNode
import com.fasterxml.jackson.databind.ObjectMapper
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test
import java.io.File

/**
 * Jupyter's interrupt during `%tessera train unified`, through the real Kotlin kernel and a
 * real Jupyter client (Debian's python3-jupyter-client driving the "tessera" kernelspec, as
 * the notebook UI does), not the REPL harness. src/test/python/interrupt_training.py runs the
 * cells, sends the interrupt with KernelManager.interrupt_kernel() once the live board shows
 * [INTERRUPT_AT], and writes a report (target/interrupt/report.json); this test asserts on it:
 * the kernel lives on, the board shows the stop, the checkpoint holds every finished step
 * (fewer than the total), and resuming it gives exactly the losses of an uninterrupted run.
 */
class KernelInterruptIT {
    private val out = File(System.getProperty("tessera.interrupt.out", "target/interrupt")).absoluteFile

    @Test
    fun `an interrupted training stops cleanly, the kernel lives and resuming matches an uninterrupted run`() {
        JupyterSetup.requirePython("python3-jupyter-client", "jupyter_client")
        val jupyterDir = JupyterSetup.writeKernelSpec()
        out.deleteRecursively()
        out.mkdirs()
        val report = out.resolve("report.json")
        val started = System.nanoTime()
        JupyterSetup.run(
            listOf(
                JupyterSetup.python, JupyterSetup.root.resolve("tests/src/test/python/interrupt_training.py").path,
                "--kernel", "tessera", "--jupyter-dir", jupyterDir.path, "--work", out.resolve("work").path,
                "--steps", STEPS.toString(), "--interrupt-at", INTERRUPT_AT.toString(),
                "--settings", SETTINGS, "--report", report.path,
            ),
        )
        println("KernelInterruptIT: kernel session took %.0f s".format((System.nanoTime() - started) / 1e9))
        val r = ObjectMapper().readTree(report)
        assertThat(r.path("failure").asText(null)).`as`("driving the kernel").isNull()
        println("KernelInterruptIT: the kernelspec's interrupt_mode is ${r["interruptMode"].asText()}")

        val interrupted = r["interrupted"]
        assertThat(interrupted["interruptSentAtBoardStep"].isNumber)
            .`as`("the board reached step $INTERRUPT_AT, so the interrupt was sent: $interrupted").isTrue()
        val board = interrupted["board"].single().asText()
        val stoppedAt = Regex("⏸ interrupted at step (\\d+)").find(board)?.groupValues?.get(1)?.toInt()
        assertThat(stoppedAt).`as`("the live board shows the stop: $board").isNotNull()
        assertThat(stoppedAt!!).isBetween(INTERRUPT_AT, STEPS - 1)

        val checkpoint = r["interruptedCheckpoint"]
        assertThat(checkpoint.isObject).`as`("a checkpoint in the out= folder").isTrue()
        assertThat(checkpoint["steps"].asInt()).isEqualTo(STEPS)
        assertThat(checkpoint["step"].asInt()).`as`("the checkpoint holds every finished step").isEqualTo(stoppedAt)
        assertThat(checkpoint["history"].size()).isEqualTo(stoppedAt)

        val alive = r["alive"]
        assertThat(alive["status"].asText()).`as`("the next cell runs: $alive").isEqualTo("ok")
        assertThat(alive["texts"].joinToString("") { it.asText() }).contains("alive 42")

        val resumed = r["resumed"]
        assertThat(resumed["status"].asText()).`as`("resume=true: $resumed").isEqualTo("ok")
        assertThat(resumed["board"].single().asText()).contains("✓ finished at step $STEPS")
        val straight = r["straight"]
        assertThat(straight["status"].asText()).`as`("the uninterrupted run: $straight").isEqualTo("ok")
        val resumedLosses = losses(r["resumedCheckpoint"])
        val straightLosses = losses(r["straightCheckpoint"])
        assertThat(resumedLosses).hasSize(STEPS)
        assertThat(resumedLosses).`as`("every step's losses (history.json), resumed vs uninterrupted")
            .isEqualTo(straightLosses)
    }

    /** history.json as one line per step: step, loss, text and image NLL, exactly as stored. */
    private fun losses(checkpoint: JsonNode): List<String> =
        checkpoint["history"].map { s -> listOf("step", "loss", "textNll", "imageNll").joinToString(" ") { s[it].asText() } }

    private companion object {
        const val STEPS = 24 // room after INTERRUPT_AT: a fast machine must not finish before the interrupt lands
        const val INTERRUPT_AT = 5
        const val SETTINGS = "preset=tiny batch=8 checkpoint-every=4 seed=5"
    }
}
