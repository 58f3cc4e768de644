package dev.tessera.tests

import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test
import java.io.File

/**
 * The kernel's class-data-sharing archive, as ./tessera builds and uses it: tools/kernel_class_archive.py
 * archives the classes of a real session of the "tessera" kernel; a kernel started from a kernelspec
 * with `--class-archive` then runs `%use tessera` and the first tokenize (bench/kernel/first_cell.py,
 * which fails unless a token grid is displayed) and, by the JVM's own class-loading log, takes the
 * Kotlin compiler's classes from the archive rather than from the jars.
 */
class KernelClassArchiveIT {
    private val out = File(System.getProperty("tessera.class-archive.out", "target/class-archive")).absoluteFile

    @Test
    fun `a kernel started with the class archive maps the compiler's classes from it and runs the first cell`() {
        JupyterSetup.requirePython("python3-jupyter-client", "jupyter_client")
        out.deleteRecursively()
        out.mkdirs()
        val jupyterDir = JupyterSetup.writeKernelSpec()
        val archive = out.resolve("kernel.jsa")
        JupyterSetup.run(
            listOf(
                JupyterSetup.python, JupyterSetup.root.resolve("tools/kernel_class_archive.py").path,
                "--jupyter-dir", jupyterDir.path, "--kernel", "tessera", "--out", archive.path,
            ),
        )
        assertThat(archive).`as`("the archive the kernel wrote at exit").isFile()
        assertThat(archive.length()).isGreaterThan(1L shl 20)
        assertThat(jupyterDir.resolve("kernels/tessera-archiving")).`as`("the archiving kernelspec is removed").doesNotExist()

        val loads = out.resolve("class-loads.log")
        JupyterSetup.writeKernelSpec(
            "tessera-archived",
            listOf("--class-archive", archive.path, "--jvm-option=-Xlog:class+load=info:file=${loads.path}"),
        )
        JupyterSetup.run(
            listOf(
                JupyterSetup.python, JupyterSetup.root.resolve("bench/kernel/first_cell.py").path,
                "--jupyter-dir", jupyterDir.path, "--kernel", "tessera-archived", "--rounds", "1",
            ),
        )
        val compilerClasses = loads.readLines().filter { " org.jetbrains.kotlin." in it }
        val fromArchive = compilerClasses.count { "source: shared objects file (top)" in it }
        println("KernelClassArchiveIT: ${archive.length() shr 20} MB archive; $fromArchive of ${compilerClasses.size} " +
            "Kotlin compiler classes came from it")
        assertThat(fromArchive).`as`("compiler classes mapped from the archive").isGreaterThan(1000)
        assertThat(fromArchive).`as`("most of the compiler's classes").isGreaterThan(compilerClasses.size / 2)
    }
}
