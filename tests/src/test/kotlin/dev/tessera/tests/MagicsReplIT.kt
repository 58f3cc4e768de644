package dev.tessera.tests

import dev.tessera.engine.Tessera
import dev.tessera.engine.image.Images
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance

/** `%tessera` lines in the real kernel REPL, loaded the way a notebook loads Tessera. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MagicsReplIT {
    private val repl = TesseraRepl.start()

    @Test
    fun `help lists the commands`() {
        val cell = repl.cell("%tessera help")
        assertThat(cell.mime).containsKey("text/plain")
        assertThat(cell.text).contains("%tessera tokenize")
    }

    @Test
    fun `magic line after other code is the displayed result`() {
        val cell = repl.cell("val before = 1\n%tessera help")
        assertThat(cell.text).contains("%tessera tokenize")
    }

    @Test
    fun `tokenizing a built-in sample displays a png`() {
        val image = repl.cell("%tessera tokenize sample:3").png()
        // The default tokenizer (vq-shapes64) has one level, so TokenGridPicture draws input, token grid and
        // reconstruction as three 384 px panels with 16 px gaps, under a 28 px title row, with the grid's two-line
        // legend (40 px) under the panels and no refinement strip:
        // width 16 + 384 + 16 + 384 + 16 + 384 + 16 = 1216, height 16 + 28 + 384 + 40 + 16 = 484.
        assertThat(image.width).isEqualTo(1216)
        assertThat(image.height).isEqualTo(484)
        // The input panel at (16, 44) is the 64 px scene enlarged 6x by nearest neighbour: pixel for pixel the scene.
        val input = Images.toBuffered(Tessera.sample(3, 64).image())
        for (y in 0 until 64 step 5) {
            for (x in 0 until 64 step 5) {
                assertThat(image.getRGB(16 + 6 * x + 3, 44 + 6 * y + 3) and 0xFFFFFF).`as`("input pixel (%d, %d)", x, y)
                    .isEqualTo(input.getRGB(x, y) and 0xFFFFFF)
            }
        }
    }

    @Test
    fun `a bad line shows a clear error and the next cell still runs`() {
        val bad = repl.cell("%tessera frobnicate")
        assertThat(bad.mime).isNotEmpty()
        assertThat(bad.text).contains("frobnicate").doesNotContain("Exception").doesNotContain("\tat ")

        assertThat(repl.cell("1 + 1").value).isEqualTo(2)
        assertThat(repl.cell("%tessera help").text).contains("%tessera tokenize")
    }

    @Test
    fun `DJL's PyTorch engine runs inside the REPL`() {
        // Guards the kernel classpath (DJL once per JVM, jna pinned to DJL's version).
        val cell = repl.cell(
            """
            System.setProperty("ai.djl.offline", "true"); System.setProperty("OPT_OUT_TRACKING", "true")
            ai.djl.ndarray.NDManager.newBaseManager().use { it.create(floatArrayOf(1f, 2f, 3f)).sum().getFloat() }
            """.trimIndent(),
        )
        assertThat(cell.value).isEqualTo(6f)
    }

    @Test
    fun `engine and magic packages are imported by default`() {
        assertThat(repl.cell("TokenizeResult::class.java.name").value).isEqualTo("dev.tessera.engine.tokenize.TokenizeResult")
        assertThat(repl.cell("Magics::class.java.name").value).isEqualTo("dev.tessera.magic.Magics")
    }
}
