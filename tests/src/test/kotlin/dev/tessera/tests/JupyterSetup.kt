package dev.tessera.tests

import org.assertj.core.api.Assertions.assertThat
import java.io.File

/**
 * What the Jupyter-driving ITs share: the repository, Debian's python, and the "tessera"
 * kernelspec written by tools/kernelspec.py (the launcher's writer) into the tests module's
 * jupyter folder, with this module's runtime classpath (Tessera jars + the Kotlin kernel).
 */
object JupyterSetup {
    val root: File = File(System.getProperty("tessera.root", "..")).canonicalFile
    val python: String = System.getProperty("tessera.python", "/usr/bin/python3")
    val jupyterDir: File = File(System.getProperty("tessera.jupyter.dir", "target/jupyter")).absoluteFile
    private val classpathFile = File(System.getProperty("tessera.kernel.classpath.file", "target/kernel-classpath.txt"))

    /** True when [python] imports every module named. */
    fun pythonHas(vararg modules: String): Boolean = probe(modules.toList()).first

    /** Fails, naming the apt command, unless [python] imports every module named. */
    fun requirePython(packages: String, vararg modules: String) {
        val (ok, output) = probe(modules.toList())
        check(ok) {
            "This test needs Debian's Jupyter packages for $python:\n  apt-get install -y $packages\n" +
                "(.ci/run installs them.) Probe said: $output"
        }
    }

    /**
     * Writes the kernelspec [name] ("tessera" unless told), with [extra] arguments of
     * tools/kernelspec.py; returns the folder to put on JUPYTER_PATH.
     */
    fun writeKernelSpec(name: String = "tessera", extra: List<String> = emptyList()): File {
        run(
            listOf(
                python, root.resolve("tools/kernelspec.py").path,
                "--name", name,
                "--jupyter-dir", jupyterDir.path,
                "--classpath-file", classpathFile.path,
                "--home", jupyterDir.resolve("kotlin-home").path,
            ) + extra,
        )
        return jupyterDir
    }

    /** Runs a command, echoing its output; fails with that output unless it exits 0. */
    fun run(command: List<String>, env: Map<String, String> = emptyMap()): String {
        val builder = ProcessBuilder(command).redirectErrorStream(true)
        builder.environment().putAll(env)
        val process = builder.start()
        val output = StringBuilder()
        process.inputStream.bufferedReader().forEachLine { println(it); output.appendLine(it) }
        assertThat(process.waitFor()).`as`("${command.joinToString(" ")}\n$output").isZero()
        return output.toString()
    }

    private fun probe(modules: List<String>): Pair<Boolean, String> {
        val process = ProcessBuilder(python, "-c", "import " + modules.joinToString(", "))
            .redirectErrorStream(true).start()
        val output = process.inputStream.bufferedReader().readText()
        return (process.waitFor() == 0) to output
    }
}
