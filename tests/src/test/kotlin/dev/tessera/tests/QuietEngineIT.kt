package dev.tessera.tests

import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test
import java.io.File
import java.util.concurrent.TimeUnit

/**
 * `./tessera engine ...` shows the user their result and real warnings only: it starts the engine's
 * command line with `tools/engine-logback.xml`, the log file and the console threshold below (the
 * launcher's `cmd_engine`). DJL's DEBUG/INFO lines (engine registration, native paths, "no CUDA")
 * must land in the log file, not on the console; `--verbose` (console threshold DEBUG) shows them.
 */
class QuietEngineIT {
    private val root = File(System.getProperty("tessera.root", "..")).canonicalFile
    private val classpath = File(System.getProperty("tessera.kernel.classpath.file", "target/kernel-classpath.txt"))
        .readText().trim()

    @Test
    fun `the engine command line prints its result and keeps library details in the log file`() {
        val log = File("target/quiet-engine/engine.log").apply { parentFile.mkdirs(); delete() }
        val quiet = engine(log, "WARN")
        assertThat(quiet.stdout).contains("PSNR")
        assertThat(quiet.stderr.lines().filter { it.isNotBlank() })
            .`as`("console lines besides the result").noneMatch { it.contains("DEBUG") || it.contains("INFO") }
        assertThat(log.readText()).contains("DEBUG ai.djl.engine.Engine")

        val verbose = engine(File("target/quiet-engine/verbose.log"), "DEBUG")
        assertThat(verbose.stderr).contains("DEBUG ai.djl.engine.Engine")
    }

    private data class Output(val stdout: String, val stderr: String)

    private fun engine(log: File, console: String): Output {
        val java = File(System.getProperty("java.home"), "bin/java").path
        val process = ProcessBuilder(
            java, "-Dlogback.configurationFile=" + root.resolve("tools/engine-logback.xml").path,
            "-Dtessera.log.file=" + log.path, "-Dtessera.log.console=$console", "-cp", classpath,
            "dev.tessera.engine.cli.TesseraCli", "eval-tokenizer", "--name", "vq-shapes32", "--images", "8",
        ).start()
        val stderr = StringBuilder()
        val reader = Thread { process.errorStream.bufferedReader().forEachLine { stderr.appendLine(it) } }.apply { start() }
        val stdout = process.inputStream.bufferedReader().readText()
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).`as`("eval-tokenizer finished").isTrue()
        reader.join()
        assertThat(process.exitValue()).`as`("exit code; stderr:\n$stderr").isZero()
        return Output(stdout, stderr.toString())
    }
}
