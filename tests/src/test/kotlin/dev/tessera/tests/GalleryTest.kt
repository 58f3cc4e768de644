package dev.tessera.tests

import com.fasterxml.jackson.databind.JsonNode
import com.fasterxml.jackson.databind.ObjectMapper
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.TestFactory
import java.io.File

/**
 * The gallery in `docs/` (written by `./tessera gallery`: every notebook executed headless, as an
 * executed `.ipynb` and an `.html` page) is current: for every notebook in `notebooks/` both pages
 * exist, every code cell of the executed copy ran and has exactly its notebook's source, and the
 * HTML page shows each of those code cells. A notebook edited without rerunning the gallery fails
 * here, naming the command.
 */
class GalleryTest {
    private val root = File(System.getProperty("tessera.root", "..")).canonicalFile
    private val mapper = ObjectMapper()

    @TestFactory
    fun `every notebook has a current gallery page`(): List<DynamicTest> {
        val notebooks = root.resolve("notebooks").listFiles { f -> f.name.endsWith(".ipynb") }.orEmpty().sorted()
        assertThat(notebooks).isNotEmpty()
        return notebooks.map { nb -> DynamicTest.dynamicTest(nb.name) { checkPage(nb) } }
    }

    private fun checkPage(notebook: File) {
        val name = notebook.nameWithoutExtension
        val executed = root.resolve("docs/$name.ipynb")
        val html = root.resolve("docs/$name.html")
        val fix = "run ./tessera gallery and commit docs/"
        assertThat(executed).`as`("docs/$name.ipynb is missing: $fix").isFile()
        assertThat(html).`as`("docs/$name.html is missing: $fix").isFile()

        val source = codeCells(mapper.readTree(notebook))
        val gallery = codeCells(mapper.readTree(executed))
        assertThat(gallery.map { it.first }).`as`("the code cells of docs/$name.ipynb differ from the notebook's: $fix")
            .isEqualTo(source.map { it.first })
        gallery.forEachIndexed { i, (_, ran) ->
            assertThat(ran).`as`("code cell $i of docs/$name.ipynb never ran: $fix").isTrue()
        }
        val page = plainText(html.readText())
        source.forEachIndexed { i, (code, _) ->
            assertThat(page).`as`("docs/$name.html does not show code cell $i: $fix").contains(squeezed(code))
        }
    }

    /** Each code cell's source and whether it has an execution count (it ran). */
    private fun codeCells(notebook: JsonNode): List<Pair<String, Boolean>> =
        notebook["cells"].filter { it["cell_type"].asText() == "code" }.map { cell ->
            val source = cell["source"].let { s -> if (s.isArray) s.joinToString("") { it.asText() } else s.asText() }
            source to cell["execution_count"].let { it != null && it.isNumber }
        }

    private companion object {
        private val TAG = Regex("<[^>]*>")
        private val SPACE = Regex("\\s+")
        private val ENTITIES = mapOf("&lt;" to "<", "&gt;" to ">", "&quot;" to "\"", "&#39;" to "'", "&#x27;" to "'", "&amp;" to "&")

        /** The page's text as a reader sees it: tags dropped, entities decoded, whitespace squeezed. */
        fun plainText(html: String): String {
            var text = html.replace(TAG, "")
            ENTITIES.forEach { (entity, char) -> text = text.replace(entity, char) }
            return squeezed(text)
        }

        fun squeezed(text: String) = text.replace(SPACE, " ").trim()
    }
}
