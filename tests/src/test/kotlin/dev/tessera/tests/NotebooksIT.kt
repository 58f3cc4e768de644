package dev.tessera.tests

import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.TestFactory
import java.io.File

/**
 * Executes every notebook in `notebooks/` with the real Kotlin kernel through Debian's nbclient,
 * the way `./tessera run` does (same tools/ scripts, same kernelspec writer), and fails on any
 * cell error. Executed copies (.ipynb + .html) go to `tests/target/notebooks/`.
 *
 * The kernel's classpath is this module's runtime classpath, written by the
 * dependency plugin at generate-test-resources: freshly built Tessera jars + the kernel.
 */
class NotebooksIT {
    private val root = File(System.getProperty("tessera.root", "..")).canonicalFile
    private val python = System.getProperty("tessera.python", "/usr/bin/python3")
    private val outDir = File(System.getProperty("tessera.notebooks.out", "target/notebooks"))
    private val classpathFile = File(System.getProperty("tessera.kernel.classpath.file", "target/kernel-classpath.txt"))
    private val jupyterDir = File(System.getProperty("tessera.jupyter.dir", "target/jupyter"))

    @TestFactory
    fun `every notebook runs without errors`(): List<DynamicTest> {
        val notebooks = root.resolve("notebooks").listFiles { f -> f.name.endsWith(".ipynb") }.orEmpty().sorted()
        assertThat(notebooks).`as`("notebooks in ${root.resolve("notebooks")}").isNotEmpty()
        requireJupyter()
        run(
            python, root.resolve("tools/kernelspec.py").path,
            "--jupyter-dir", jupyterDir.path,
            "--classpath-file", classpathFile.path,
            "--home", jupyterDir.resolve("kotlin-home").path,
        )
        return notebooks.map { nb ->
            DynamicTest.dynamicTest(nb.name) {
                run(
                    python, root.resolve("tools/run_notebook.py").path,
                    "--kernel", "tessera", "--jupyter-dir", jupyterDir.path, "--out-dir", outDir.path, nb.path,
                )
                if (nb.name.startsWith("07-")) {
                    // the tokenizer's live board too, with its held-out result
                    val executed = outDir.resolve(nb.name).readText()
                    assertThat(executed).contains("step 150/150").contains("✓ finished").contains("held-out (256 scenes)")
                }
                if (nb.name.startsWith("11-")) {
                    // the corpus job ran on Spark in its child JVM: 14 rows, the two bad files as error rows
                    val executed = outDir.resolve(nb.name).readText()
                    assertThat(executed).contains("14 files -> ").contains("(2 error rows) with photo-64 on local[2]")
                        .contains("median PSNR").contains("cut-in-half.jpg is broken or truncated")
                }
                if (nb.name.startsWith("12-")) {
                    // edits drawn by the shipped illume model and judged per kind; the assessor beside the judge;
                    // the self-assessment pool and the quick self-enhancement run, trained and measured
                    val executed = outDir.resolve(nb.name).readText()
                    assertThat(executed).contains("positions rewritten").contains("edits judged by judge-objects32")
                        .contains("assessor: ").contains("768 drawings by illume-shapes32")
                        .contains("self-enhance · 1 run ·")
                }
                if (nb.name.startsWith("08-")) {
                    // the live training board was redrawn in place up to its last step
                    val executed = outDir.resolve(nb.name).readText()
                    assertThat(executed).contains("step 40/40").contains("finished")
                }
            }
        }
    }

    private fun requireJupyter() {
        val probe = ProcessBuilder(python, "-c", "import nbclient, nbformat, nbconvert, jupyter_client")
            .redirectErrorStream(true).start()
        val output = probe.inputStream.bufferedReader().readText()
        check(probe.waitFor() == 0) {
            "NotebooksIT needs Debian's Jupyter packages for $python:\n" +
                "  apt-get install -y jupyter-nbconvert python3-nbclient python3-jupyter-client python3-nbformat\n" +
                "(.ci/run installs them.) Probe said: $output"
        }
    }

    /** Runs a command, echoing its output; fails with that output unless it exits 0. */
    private fun run(vararg command: String) {
        val process = ProcessBuilder(*command).redirectErrorStream(true).start()
        val output = StringBuilder()
        process.inputStream.bufferedReader().forEachLine { println(it); output.appendLine(it) }
        // No time limit here: run_notebook.py bounds each cell so a hung kernel cannot hang the build.
        assertThat(process.waitFor()).`as`("${command.joinToString(" ")}\n$output").isZero()
    }
}
