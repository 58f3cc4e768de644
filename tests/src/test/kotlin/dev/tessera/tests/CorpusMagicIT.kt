package dev.tessera.tests

import dev.tessera.engine.corpus.CorpusJob
import dev.tessera.engine.corpus.CorpusProgress
import dev.tessera.engine.corpus.CorpusRun
import dev.tessera.engine.corpus.CorpusTokenizeResult
import dev.tessera.engine.data.SceneConfig
import dev.tessera.engine.data.SceneGenerator
import dev.tessera.engine.image.Images
import dev.tessera.engine.train.TrainingStop
import dev.tessera.magic.Magics
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import java.io.File
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.CopyOnWriteArrayList
import javax.imageio.ImageIO

/**
 * `%tessera corpus tokenize` across modules: the magic starts the spark module's built jar in a
 * child JVM (`CorpusJob`), follows its progress lines and returns the job's summary; a stop ends
 * the child with the run marked interrupted, and the same run with `resume` finishes it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorpusMagicIT {
    private val root = File(System.getProperty("tessera.root", "..")).canonicalFile
    private val work: Path = Files.createTempDirectory("tessera-corpus-it")
    private val folder: Path = work.resolve("scenes")

    @BeforeAll
    fun writeAFolder() {
        System.setProperty(CorpusJob.HOME_PROPERTY, root.resolve("spark/target").path)
        Files.createDirectories(folder)
        val scenes = SceneGenerator(SceneConfig(64, 1, 3, 3))
        for (i in 0 until 300) {
            ImageIO.write(Images.toBuffered(scenes.scene(i.toLong()).image()), "png", folder.resolve("scene-%03d.png".format(i)).toFile())
        }
        Files.writeString(folder.resolve("readme.txt"), "not a picture")
    }

    @Test
    fun `the magic runs the job in a child JVM and returns its summary`() {
        val out = work.resolve("magic-shards")
        val r = Magics.run("corpus tokenize \"$folder\" --out \"$out\" --master local[2]")
        assertThat(r).`as`(r.toString()).isInstanceOf(CorpusTokenizeResult::class.java)
        r as CorpusTokenizeResult
        assertThat(r.files()).isEqualTo(301)
        assertThat(r.errors()).isEqualTo(1)
        assertThat(r.errorSamples()).singleElement().asString().contains("readme.txt is not an image")
        assertThat(r.interrupted()).isFalse()
        assertThat(r.usage().images()).isEqualTo(300)
        assertThat(out.resolve("job.json")).exists()
    }

    @Test
    fun `a stop ends the child and the same run with resume finishes it`() {
        val out = work.resolve("stopped-shards")
        val run = CorpusRun(listOf(folder.toString()), out, "photo-64", "local[2]", true, false)
        val stop = TrainingStop()
        val seen = CopyOnWriteArrayList<CorpusProgress>()
        val before = children()
        val stopped = CorpusJob.tokenize(run, { p -> seen.add(p); if (p.total() > 0) stop.request() }, stop)
        assertThat(stopped.interrupted()).isTrue()
        assertThat(seen).isNotEmpty()
        assertThat(children()).`as`("child JVMs left running").isEqualTo(before)
        assertThat(out.resolve("job.json")).doesNotExist()
        val resumed = CorpusJob.tokenize(CorpusRun(run.inputs(), out, run.tokenizer(), run.master(), true, true), { }, TrainingStop())
        assertThat(resumed.interrupted()).isFalse()
        assertThat(resumed.files()).isEqualTo(301)
        assertThat(resumed.errors()).isEqualTo(1)
    }

    @Test
    fun `bad input in the child comes back as one clear message`() {
        val out = work.resolve("taken")
        Files.createDirectories(out)
        val r = Magics.run("corpus tokenize \"$folder\" --out \"$out\" --master local[1]")
        assertThat(r.toString()).contains("already exists").contains("--resume")
    }

    private fun children(): Long = ProcessHandle.current().children().filter { it.isAlive }.count()
}
