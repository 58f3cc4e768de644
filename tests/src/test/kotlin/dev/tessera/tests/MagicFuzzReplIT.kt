package dev.tessera.tests

import dev.tessera.magic.HelpRequest
import dev.tessera.magic.MagicError
import dev.tessera.magic.Magics
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import kotlin.random.Random

/**
 * About 200 generated `%tessera` lines through the real kernel, one cell each: hostile numbers,
 * flags anywhere, empty values, quotes, unicode, unknown commands, long words, and every cap
 * one past its limit. Every cell must end as a Tessera answer (a [MagicError] naming the same
 * problem the parser names in-process, or the help), never a kernel exception or a stack
 * trace, and the kernel must keep answering plain Kotlin between them.
 *
 * Only lines that cannot start long work are sent: [Magics.parse] (the first step of
 * [Magics.run], no engine work) must refuse them or read them as `help`. The generator is
 * seeded (`-Dtessera.fuzz.seed=N` replays another run); the in-process property tests in the
 * magics module cover thousands of lines per run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MagicFuzzReplIT {
    private val repl = TesseraRepl.start()

    @Test
    fun `fuzzed lines end as Tessera errors and the kernel keeps running`() {
        val seed = System.getProperty("tessera.fuzz.seed")?.toLongOrNull() ?: 20261130L
        val lines = (CAPS_ONE_PAST.asSequence() + generate(Random(seed))).take(LINES).toList()
        assertThat(lines).hasSize(LINES)
        lines.forEachIndexed { i, line ->
            val expected = Magics.parse(line.trim())
            assertThat(expected is MagicError || expected is HelpRequest).`as`("%s can start work", MagicLinesShown(line)).isTrue()
            val cell = try {
                repl.cell("%tessera $line")
            } catch (e: Exception) {
                throw AssertionError("line ${i + 1} (seed $seed) failed in the kernel: ${MagicLinesShown(line)}", e)
            }
            val shown = cell.text
            assertThat(shown).`as`("display of %s", MagicLinesShown(line)).isNotBlank().doesNotContain("\tat ")
            assertThat(cell.value?.javaClass?.name).`as`("value of %s", MagicLinesShown(line))
                .isEqualTo(expected.javaClass.name.takeIf { expected is MagicError } ?: "dev.tessera.magic.HelpText")
            if (expected is MagicError) {
                assertThat(cell.value.toString()).`as`("error of %s", MagicLinesShown(line)).isEqualTo(expected.message())
                assertThat(expected.problem()).doesNotContain("This is a bug")
            }
            if (i % 25 == 24) {
                assertThat(repl.cell("1 + 1").value).`as`("kernel alive after line %d", i + 1).isEqualTo(2)
            }
        }
        assertThat(repl.cell("%tessera help").text).contains("%tessera tokenize")
    }

    /** Lines safe to send: refused by the parser, or read as help. */
    private fun generate(random: Random): Sequence<String> = generateSequence { line(random) }
        .filter { it.none { c -> c in LINE_BREAKS } }
        .filter { Magics.parse(it.trim()).let { p -> p is MagicError || p is HelpRequest } }

    private fun line(random: Random): String {
        val command = when (random.nextInt(10)) {
            0 -> randomText(random, 10)
            1 -> TEXT.random(random)
            else -> COMMANDS.random(random)
        }
        val words = List(random.nextInt(7)) { word(random) }
        return (listOf(command) + words).joinToString(" ")
    }

    private fun word(random: Random): String = when (random.nextInt(12)) {
        0, 1 -> OPTIONS.random(random) + listOf(" ", "=").random(random) + number(random)
        2 -> OPTIONS.random(random)
        3 -> number(random)
        4, 5 -> KEYS.random(random) + listOf("=", "", "==").random(random) + (if (random.nextBoolean()) number(random) else TEXT.random(random))
        6 -> SOURCES.random(random)
        7 -> TEXT.random(random)
        8 -> listOf("\"", "'").random(random).let { q -> q + randomText(random, 12) + q }
        9 -> listOf("=", "=5", "==", "steps=", "=steps", "-", "--", "@", "''").random(random)
        10 -> "9".repeat(random.nextInt(20, 400))
        else -> randomText(random, 16)
    }

    private fun number(random: Random): String = when (random.nextInt(4)) {
        0 -> random.nextInt().toString()
        1 -> random.nextLong().toString()
        else -> NUMBERS.random(random)
    }

    /** Any UTF-16 chars, unpaired surrogates and controls included. */
    private fun randomText(random: Random, max: Int): String =
        String(CharArray(random.nextInt(max + 1)) { random.nextInt(0, 0x10000).toChar() })

    companion object {
        const val LINES = 200
        val LINE_BREAKS = setOf('\n', '\r', '\u0085', '\u2028', '\u2029')

        /** Each cap one past its limit, or far past it: refused before any work. */
        val CAPS_ONE_PAST = listOf(
            "generate 'a red circle' --n 2000000000", "generate 'a red circle' --n 65",
            "generate 'a red circle' --temperature NaN", "generate 'a red circle' --top-k 65537",
            "generate 'a red circle' --top-p 1.5", "generate 'a red circle' --cfg 1e309",
            "generate 'a red circle' --seed 9223372036854775808", "tokenize sample:3 --size 2000000000",
            "codebook --images 4097", "compare vq-shapes64 --images 1000000", "compare vq-shapes64 vq-shapes64 --images 0",
            "train unified steps=1000000000000", "train unified steps=10^12", "train unified batch=1025",
            "train unified batch=", "train unified =16", "train unified lr=NaN", "train unified lr=1.5",
            "train unified checkpoint-every=1000001", "train unified seed=1e3", "caption sample:-1", "ask sample:99999999999 x",
        )

        val COMMANDS = listOf("help", "tokenize", "codebook", "compare", "caption", "ask", "generate", "train", "train unified")
        val OPTIONS = listOf("--size", "--tokenizer", "--images", "--data", "--model", "--n", "--temperature", "--top-k",
            "--top-p", "--cfg", "--seed", "--help", "-h", "--", "--nn", "-n")
        val NUMBERS = listOf("0", "-1", "64", "65", "1025", "4097", "65537", "1000001", "2000000000", "2147483648",
            "-2147483649", "9223372036854775808", "1000000000000", "10^12", "1e309", "-1e309", "NaN", "Infinity",
            "-Infinity", "0x10", "1_000", "", "\u0663", "20.5", "10.001", "1.0000001")
        val KEYS = listOf("preset", "embedding", "freeze-text", "steps", "batch", "lr", "seed", "checkpoint-every", "out",
            "resume", "weighting", "", "stepz", "STEPS")
        val SOURCES = listOf("sample:-1", "sample:", "sample:x", "sample:2147483648", "/tmp/tessera-no-such.png", "@args",
            "\"a b.png\"")
        val TEXT = listOf("\"", "'", "\\", "\"unclosed", "\$HOME", "\${1 + 1}", "caf\u00e9", "\uD83D\uDE00", "\u202Eevil",
            "\u0000", "\t", "\uFEFF", "\uD800", "%tessera", "frobnicate", "true", "tiny", "gpu", "mnist")
    }
}

/** A line as it is quoted in assertion messages: control and invisible characters as \uXXXX. */
private class MagicLinesShown(private val line: String) {
    override fun toString(): String = line.take(200).map { c ->
        if (c.isISOControl() || c.isSurrogate() || Character.getType(c) == Character.FORMAT.toInt()) "\\u%04x".format(c.code) else c.toString()
    }.joinToString("", "'", if (line.length > 200) "...' (${line.length} chars)" else "'")
}
