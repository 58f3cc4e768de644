package dev.tessera.kernel

import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import java.io.File
import java.net.URLClassLoader
import java.util.jar.JarEntry
import java.util.jar.JarOutputStream

class EnginePackagesTest {
    private val files = listOf(
        "dev/tessera/engine/Tessera.class",
        "dev/tessera/engine/tokenize/TokenGrid.class",
        "dev/tessera/engine/tokenize/TokenGrid\$1.class",
        "dev/tessera/engine/tokenize/checkpoints/vq/config.json",
        "dev/tessera/engine/data/Scenes.class",
        "dev/tessera/magic/Magics.class",
    )
    private val expected = listOf("dev.tessera.engine", "dev.tessera.engine.data", "dev.tessera.engine.tokenize")

    @Test
    fun `finds the packages of an engine directory`(@TempDir dir: File) {
        files.forEach { dir.resolve(it).apply { parentFile.mkdirs() }.writeBytes(byteArrayOf()) }
        assertThat(EnginePackages.find(loaderOf(dir))).isEqualTo(expected)
    }

    @Test
    fun `finds the packages of an engine jar`(@TempDir dir: File) {
        val jar = dir.resolve("engine.jar")
        JarOutputStream(jar.outputStream()).use { out ->
            // Like maven-jar-plugin: directory entries first, then files.
            files.flatMap { f -> f.split('/').dropLast(1).runningReduce { a, b -> "$a/$b" }.map { "$it/" } + f }
                .distinct().forEach { out.putNextEntry(JarEntry(it)); out.closeEntry() }
        }
        assertThat(EnginePackages.find(loaderOf(jar))).isEqualTo(expected)
    }

    @Test
    fun `no engine on the classpath means no imports`(@TempDir dir: File) {
        assertThat(EnginePackages.find(loaderOf(dir))).isEmpty()
    }

    private fun loaderOf(file: File) = URLClassLoader(arrayOf(file.toURI().toURL()), null)
}
