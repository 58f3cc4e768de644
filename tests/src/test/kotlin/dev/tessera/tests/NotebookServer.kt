package dev.tessera.tests

import java.io.File
import java.net.HttpURLConnection
import java.net.ServerSocket
import java.net.URI
import java.util.UUID
import java.util.concurrent.TimeUnit

/**
 * Jupyter Notebook (Debian's classic UI) started the way `./tessera notebook` starts it: the
 * "tessera" kernelspec on JUPYTER_PATH, `--notebook-dir` the notebooks' folder, the Tessera
 * kernel as default, `--allow-root` when root; plus what a test needs: a free port, a known
 * token, no browser, and Jupyter's config/runtime folders under [home] so the machine's own
 * Jupyter settings cannot change the run. The server's log goes to [home]/jupyter-server.log.
 */
class NotebookServer(private val notebookDir: File, jupyterPath: File, private val home: File) : AutoCloseable {
    val port: Int = ServerSocket(0).use { it.localPort }
    val token: String = UUID.randomUUID().toString().replace("-", "")
    val log: File = home.resolve("jupyter-server.log")
    private val process: Process

    init {
        home.mkdirs()
        val command = mutableListOf(
            "jupyter", "notebook",
            "--ip=127.0.0.1", "--port=$port", "--port-retries=0", "--no-browser",
            "--notebook-dir=${notebookDir.absolutePath}",
            "--MappingKernelManager.default_kernel_name=tessera",
            "--NotebookApp.token=$token",
        )
        if (System.getProperty("user.name") == "root") command += "--allow-root"
        val builder = ProcessBuilder(command).directory(notebookDir).redirectErrorStream(true)
            .redirectOutput(log)
        builder.environment().apply {
            put("JUPYTER_PATH", jupyterPath.absolutePath + (System.getenv("JUPYTER_PATH")?.let { ":$it" } ?: ""))
            put("JUPYTER_CONFIG_DIR", home.resolve("config").absolutePath)
            put("JUPYTER_RUNTIME_DIR", home.resolve("runtime").absolutePath)
            put("JUPYTER_DATA_DIR", home.resolve("data").absolutePath)
        }
        process = builder.start()
        awaitUp()
    }

    /** The URL that opens [path] (relative to the notebook dir) in the UI, logged in. */
    fun url(path: String): String = "http://127.0.0.1:$port/notebooks/$path?token=$token"

    private fun awaitUp() {
        val deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS)
        while (System.nanoTime() < deadline) {
            check(process.isAlive) { "jupyter notebook exited with ${process.exitValue()}; see $log:\n${log.readText()}" }
            if (status("/api/status") == 200) return
            Thread.sleep(250)
        }
        close()
        error("jupyter notebook did not answer on port $port within $START_SECONDS s; see $log:\n${log.readText()}")
    }

    private fun status(path: String, method: String = "GET"): Int = try {
        val c = URI("http://127.0.0.1:$port$path").toURL().openConnection() as HttpURLConnection
        c.requestMethod = method
        c.setRequestProperty("Authorization", "token $token")
        c.connectTimeout = 2000
        c.readTimeout = 5000
        c.responseCode.also { c.disconnect() }
    } catch (e: java.io.IOException) {
        -1
    }

    /** Asks the server to shut down (it stops its kernels), then makes sure it and its kernels are gone. */
    override fun close() {
        val children = process.descendants().toList()
        if (process.isAlive) status("/api/shutdown", "POST")
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroy()
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly()
        }
        children.filter { it.isAlive }.forEach { it.destroy() }
    }

    private companion object {
        const val START_SECONDS = 90L
    }
}
