package dev.tessera.kernel

import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test
import java.io.File

/** The hand-written JSON files the kernel reads to find and load Tessera. */
class DescriptorsTest {
    private fun resource(path: String): JsonObject =
        Json.parseToJsonElement(javaClass.getResource(path)!!.readText()).jsonObject

    @Test
    fun `libraries json names the integration class`() {
        val producers = resource("/META-INF/kotlin-jupyter-libraries/libraries.json")["producers"]!!.jsonArray
        assertThat(producers.map { it.jsonObject["fqn"]!!.jsonPrimitive.content })
            .containsExactly(TesseraIntegration::class.java.name)
    }

    @Test
    fun `classpath descriptor needs no resolution`() {
        val descriptor = resource("/jupyterLibraries/tessera.json")
        assertThat(descriptor).doesNotContainKeys("dependencies", "repositories")
        // Running its import is what makes the kernel scan libraries.json right after %use.
        assertThat(descriptor["imports"]!!.jsonArray).isNotEmpty()
    }

    @Test
    fun `file descriptor depends on this very version`() {
        val descriptor = Json.parseToJsonElement(File("tessera.json").readText()).jsonObject
        val version = descriptor["properties"]!!.jsonArray.single().jsonObject["value"]!!.jsonPrimitive.content
        assertThat(version).isEqualTo(System.getProperty("tessera.version"))
        assertThat(descriptor["dependencies"]!!.jsonArray.map { it.jsonPrimitive.content })
            .containsExactly("dev.tessera:tessera-kernel-extension:\$v")
    }
}
