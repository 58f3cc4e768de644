package dev.tessera.kernel

import java.io.File
import java.net.JarURLConnection
import java.net.URL

/**
 * The packages of `dev.tessera.engine`, found on the classpath so that a new engine package
 * is imported into notebooks without a change here. (Kotlin rejects a star import of a
 * package that does not exist, so the list cannot simply be written down ahead of time.)
 */
internal object EnginePackages {
    private const val ROOT = "dev/tessera/engine"

    fun find(loader: ClassLoader): List<String> =
        loader.getResources(ROOT).toList()
            .flatMap { runCatching { classFiles(it) }.getOrDefault(emptyList()) }
            .filter { it.startsWith("$ROOT/") && it.endsWith(".class") && '$' !in it }
            .map { it.substringBeforeLast('/').replace('/', '.') }
            .distinct()
            .sorted()

    /** Paths, relative to the classpath root, of the files under [ROOT] in a jar or a directory. */
    private fun classFiles(url: URL): List<String> = when (url.protocol) {
        "jar" -> (url.openConnection() as JarURLConnection).also { it.useCaches = false }
            .jarFile.use { jar -> jar.entries().toList().map { it.name } }
        "file" -> File(url.toURI()).let { root ->
            root.walk().filter { it.isFile }
                .map { "$ROOT/" + it.relativeTo(root).invariantSeparatorsPath }.toList()
        }
        else -> emptyList()
    }
}
