package dev.tessera.tests

import com.fasterxml.jackson.databind.JsonNode
import com.fasterxml.jackson.databind.ObjectMapper
import com.microsoft.playwright.Browser
import com.microsoft.playwright.BrowserType
import com.microsoft.playwright.Locator
import com.microsoft.playwright.Page
import com.microsoft.playwright.Playwright
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Assumptions.assumeTrue
import org.junit.jupiter.api.Test
import java.io.File
import java.nio.file.Path

/**
 * The real user path in a real browser: Jupyter Notebook's classic UI, started as
 * `./tessera notebook` starts it ([NotebookServer]), driven in Debian's headless chromium by
 * Playwright. On a copy of notebook 08 (target/browser/notebooks/, so saving cannot touch the
 * repository's notebook) it clicks Cell > Run All and checks every cell finished without an
 * error output (cells tagged tessera-error must show their Tessera error instead), sampling the
 * live training board while its cell runs: it is one output, redrawn in place, that moves
 * through the steps and ends at its last one. Then it types a long training into a new cell,
 * presses the toolbar's interrupt button, and checks the board shows the stop, the checkpoint
 * holds that step, and a following cell still runs. Screenshots of those cells (01..05) go to
 * target/browser/, with last.png (the page at the end) and timeout.png (when a wait failed).
 *
 * Needs /usr/bin/chromium (or -Dtessera.chromium=PATH) and jupyter-notebook (tools/ensure-jupyter
 * --browser); without them the test is skipped, or fails when CI=true.
 */
class BrowserIT {
    private val out = File(System.getProperty("tessera.browser.out", "target/browser")).absoluteFile
    private val json = ObjectMapper()

    @Test
    fun `notebook 08 runs in the browser, its board redraws live and the interrupt button stops a training`() {
        requireBrowserAndNotebook()
        val started = System.nanoTime()
        val jupyterPath = JupyterSetup.writeKernelSpec()
        out.deleteRecursively()
        val notebooks = out.resolve("notebooks").apply { mkdirs() }
        JupyterSetup.root.resolve("notebooks/$NOTEBOOK").copyTo(notebooks.resolve(NOTEBOOK))

        NotebookServer(notebooks, jupyterPath, out.resolve("jupyter")).use { server ->
            Playwright.create(Playwright.CreateOptions().setEnv(mapOf("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD" to "1"))).use { pw ->
                val browser = pw.chromium().launch(
                    BrowserType.LaunchOptions().setExecutablePath(Path.of(CHROMIUM)).setHeadless(true).setArgs(CHROMIUM_ARGS),
                )
                browser.use {
                    val page = browser.newPage(Browser.NewPageOptions().setViewportSize(1280, 1000))
                    page.setDefaultTimeout(60_000.0)
                    try {
                        UiSession(page, notebooks).apply {
                            page.navigate(server.url(NOTEBOOK))
                            awaitKernelIdle("the kernel's first start", KERNEL_START_SECONDS)
                            println("BrowserIT: kernel ready after %.0f s".format(seconds(started)))
                            runAllAndCheck()
                            println("BrowserIT: Run All done after %.0f s".format(seconds(started)))
                            interruptLongTraining()
                        }
                    } finally {
                        page.screenshot(Page.ScreenshotOptions().setPath(out.resolve("last.png").toPath()))
                    }
                }
            }
        }
        println("BrowserIT: took %.0f s; screenshots in $out".format(seconds(started)))
    }

    /** One browser tab on the notebook; what a user does, plus reads of the UI's own state. */
    private inner class UiSession(private val page: Page, private val notebooks: File) {

        fun runAllAndCheck() {
            val trainIndex = cells().indexOfFirst { it["text"].asText().startsWith(TRAIN_CELL) }
            assertThat(trainIndex).`as`("a cell starting with '$TRAIN_CELL' in $NOTEBOOK").isNotNegative()
            page.click("#celllink")
            page.click("#run_all_cells > a")
            val samples = mutableListOf<String>()
            await("every cell of $NOTEBOOK to finish (Cell > Run All)", RUN_ALL_SECONDS) {
                val board = boards(trainIndex)
                if (board.size == 1 && samples.lastOrNull() != board[0]) {
                    samples += board[0]
                    val step = STEP.find(board[0])?.groupValues?.get(1)?.toInt() ?: 0
                    if (step >= TRAIN_STEPS / 2 && "01-board-midway" !in shots) screenshot("01-board-midway", trainIndex)
                }
                allCellsFinished()
            }
            screenshot("02-board-finished", trainIndex)

            val problems = cells().mapNotNull { cellProblem(it) }
            assertThat(problems).`as`("cells with an error output after Run All").isEmpty()

            val finalBoards = boards(trainIndex)
            assertThat(finalBoards).`as`("the training cell shows one board, redrawn in place").hasSize(1)
            assertThat(finalBoards[0]).contains("step $TRAIN_STEPS/$TRAIN_STEPS").contains("✓ finished at step $TRAIN_STEPS")
            val steps = samples.mapNotNull { STEP.find(it)?.groupValues?.get(1)?.toInt() }
            println("BrowserIT: board samples at steps $steps")
            assertThat(steps.distinct()).`as`("the board seen at several steps while training: $samples").hasSizeGreaterThanOrEqualTo(3)
            assertThat(steps).`as`("steps only move forward").isSorted()
            assertThat(samples.first()).`as`("first sample is a running board").contains("● running")
            assertThat(samples.last()).isEqualTo(finalBoards[0])
        }

        fun interruptLongTraining() {
            val last = cells().size - 1
            cell(last).locator(".input_prompt").click()
            page.click("#insertlink")
            page.click("#insert_cell_below > a")
            val trainCell = last + 1
            typeAndRun(trainCell, LONG_TRAINING)
            var runningSample = ""
            await("the long training's board to pass step $INTERRUPT_AFTER", STEP_SECONDS * INTERRUPT_AFTER + KERNEL_START_SECONDS) {
                val board = boards(trainCell).singleOrNull() ?: ""
                val step = STEP.find(board)?.groupValues?.get(1)?.toInt() ?: 0
                if (step >= INTERRUPT_AFTER) runningSample = board
                step >= INTERRUPT_AFTER
            }
            assertThat(runningSample).contains("● running")
            screenshot("03-long-training-running", trainCell)
            page.click("button[data-jupyter-action='jupyter-notebook:interrupt-kernel']")
            await("the board to show the stop after the interrupt button", STEP_SECONDS * 4) {
                boards(trainCell).singleOrNull()?.contains("⏸ interrupted at step") == true && finished(cells()[trainCell])
            }
            val board = boards(trainCell).single()
            screenshot("04-interrupted", trainCell)
            val stoppedAt = Regex("⏸ interrupted at step (\\d+)").find(board)!!.groupValues[1].toInt()
            assertThat(stoppedAt).isBetween(INTERRUPT_AFTER, LONG_STEPS - 1)
            val config = json.readTree(notebooks.resolve("$LONG_OUT/config.json"))
            assertThat(config["step"].asInt()).`as`("the checkpoint holds every finished step").isEqualTo(stoppedAt)

            // Shift-Enter on the last cell added an empty cell below it: the kernel must still run it.
            typeAndRun(trainCell + 1, "println(\"alive \" + (6 * 7))")
            await("a cell after the interrupt to run", 60) {
                val cell = cells()[trainCell + 1]
                finished(cell) && cell["outputs"].any { it["text"].asText().contains("alive 42") }
            }
            screenshot("05-kernel-alive", trainCell + 1)
        }

        /** Clicks into cell [index]'s editor, types [code] and presses Shift-Enter. */
        private fun typeAndRun(index: Int, code: String) {
            await("cell $index to exist", 10) { cells().size > index }
            cell(index).locator(".CodeMirror").click()
            page.keyboard().type(code)
            page.keyboard().press("Shift+Enter")
        }

        private fun cell(index: Int) = page.locator("#notebook-container > .cell").nth(index)

        /** Every cell as the UI holds it: type, text, tags, input prompt and outputs (type, stream, MIME types, text). */
        fun cells(): List<JsonNode> = json.readTree(page.evaluate(CELLS_JS) as String).toList()

        /** The text of each Tessera training board in cell [index]. */
        @Suppress("UNCHECKED_CAST")
        fun boards(index: Int): List<String> = page.evaluate(BOARDS_JS, index) as List<String>

        fun allCellsFinished(): Boolean = cells().filter { it["type"].asText() == "code" }.all(::finished) && kernelIdle()

        fun awaitKernelIdle(what: String, seconds: Long) = await(what, seconds) { kernelIdle() }

        private fun kernelIdle(): Boolean =
            page.evaluate("() => !!(window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected()" +
                " && document.querySelector('#kernel_indicator_icon.kernel_idle_icon'))") as Boolean

        val shots = mutableSetOf<String>()

        /** Saves the view of the page, or of cell [index] (scrolled into view), as target/browser/[name].png. */
        fun screenshot(name: String, index: Int? = null) {
            shots += name
            val path = out.resolve("$name.png").toPath()
            if (index == null) {
                page.screenshot(Page.ScreenshotOptions().setPath(path))
            } else {
                cell(index).scrollIntoViewIfNeeded()
                cell(index).screenshot(Locator.ScreenshotOptions().setPath(path))
            }
        }

        /** Polls [done] (a read of the page) until true; fails naming [what] after [seconds]. */
        fun await(what: String, seconds: Long, done: () -> Boolean) {
            val deadline = System.nanoTime() + seconds * 1_000_000_000L
            while (!done()) {
                if (System.nanoTime() > deadline) {
                    screenshot("timeout")
                    error("waited $seconds s for $what; see ${out.resolve("timeout.png")} and ${out.resolve("jupyter/jupyter-server.log")}")
                }
                page.waitForTimeout(POLL_MILLIS)
            }
        }
    }

    /** A cell has run when its prompt shows an execution count (not `[*]`, not `[ ]`). */
    private fun finished(cell: JsonNode) = Regex("\\[\\s*\\d+\\s*]").containsMatchIn(cell["prompt"].asText())

    /**
     * Why a finished cell counts as failed, or null, as tools/run_notebook.py judges executed
     * notebooks: an error output, a stderr stream (how the Kotlin kernel reports a failing
     * cell) or a Tessera error display; a cell tagged tessera-error must show the latter.
     */
    private fun cellProblem(cell: JsonNode): String? {
        if (cell["type"].asText() != "code") return null
        val outputs = cell["outputs"].toList()
        val tags = cell["tags"].map { it.asText() }
        val label = "cell ${cell["index"].asInt()} (${cell["text"].asText().lineSequence().first()})"
        val tesseraError = outputs.any { o -> o["mimes"].any { it.asText() == TESSERA_ERROR } }
        if ("tessera-error" in tags) return if (tesseraError) null else "$label is tagged tessera-error but showed none"
        val bad = outputs.firstOrNull { o ->
            o["type"].asText() == "error" || o["name"].asText() == "stderr" || o["mimes"].any { it.asText() == TESSERA_ERROR }
        }
        return bad?.let { "$label: ${it["type"].asText()} ${it["name"].asText()} ${it["text"].asText().take(300)}" }
    }

    private fun requireBrowserAndNotebook() {
        val missing = buildList {
            if (!File(CHROMIUM).canExecute()) add("chromium ($CHROMIUM)")
            if (!JupyterSetup.pythonHas("notebook", "jupyter_client")) add("jupyter-notebook (python3 -m notebook)")
        }
        val message = "BrowserIT needs ${missing.joinToString(" and ")}: apt-get update && apt-get install -y chromium " +
            "jupyter-notebook (or tools/ensure-jupyter --browser, which .ci/run runs)"
        if (System.getenv("CI") == "true") check(missing.isEmpty()) { message } else assumeTrue(missing.isEmpty(), message)
    }

    private fun seconds(since: Long) = (System.nanoTime() - since) / 1e9

    private companion object {
        const val NOTEBOOK = "08-train-your-own-model.ipynb"
        const val TRAIN_CELL = "%tessera train unified preset=small steps=40"
        const val TRAIN_STEPS = 40
        const val LONG_STEPS = 2000
        const val LONG_OUT = "runs/browser-interrupt"
        const val LONG_TRAINING = "%tessera train unified preset=tiny steps=$LONG_STEPS batch=8 checkpoint-every=500 out=$LONG_OUT"
        const val INTERRUPT_AFTER = 3
        const val STEP_SECONDS = 20L // generous bound on one tiny step on 2 busy cores
        const val KERNEL_START_SECONDS = 180L
        const val RUN_ALL_SECONDS = 900L
        const val POLL_MILLIS = 250.0
        const val TESSERA_ERROR = "application/vnd.tessera.error+json"
        val CHROMIUM: String = System.getProperty("tessera.chromium", "/usr/bin/chromium")
        val STEP = Regex("step (\\d+)/(\\d+)")
        val CHROMIUM_ARGS = listOf(
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
        )
        const val CELLS_JS = """() => JSON.stringify(Jupyter.notebook.get_cells().map((c, i) => ({
            index: i, type: c.cell_type, text: c.get_text(), tags: (c.metadata.tags || []),
            prompt: c.cell_type === 'code' ? c.element.find('.input_prompt').text() : '',
            outputs: c.cell_type === 'code' ? c.output_area.outputs.map(o => ({
                type: o.output_type, name: o.name || '', mimes: Object.keys(o.data || {}),
                text: (o.text || '') + (o.ename ? o.ename + ': ' + o.evalue : '') + ((o.data || {})['text/plain'] || '')
            })) : []
        })))"""
        const val BOARDS_JS = """i => Array.from(Jupyter.notebook.get_cell(i).element[0]
            .querySelectorAll('.tessera-training')).map(e => e.innerText)"""
    }
}
