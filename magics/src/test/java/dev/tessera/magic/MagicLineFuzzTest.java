package dev.tessera.magic;

import dev.tessera.engine.data.EvaluationSet;
import dev.tessera.engine.image.Images;
import dev.tessera.engine.train.TrainingLimits;
import dev.tessera.engine.unified.Evaluations;
import dev.tessera.engine.unified.UnifiedModel;
import dev.tessera.engine.unified.UnifiedTrainingConfig;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of generated {@code %tessera} lines per run through the parser, in-process and
 * without any engine work: hostile numbers (huge, negative, NaN, Infinity, 1e309), flags in
 * every position, empty values, {@code =} without a key, quotes, unicode, unknown commands and
 * very long words. Every line either becomes a request whose numbers are within the engine's
 * caps, or is refused with a {@link MagicParseException} whose message is a paragraph naming
 * the problem; {@link Magics#run} returns that same problem as a {@link MagicError}.
 */
class MagicLineFuzzTest {

    static final List<String> COMMANDS = List.of("help", "tokenize", "codebook", "compare", "caption", "ask", "generate",
            "train", "train unified", "evaluate");

    static final List<String> OPTIONS = List.of("--size", "--tokenizer", "--images", "--data", "--model", "--n",
            "--temperature", "--top-k", "--top-p", "--cfg", "--seed", "--help", "-h", "--", "-", "--n=", "--nn", "-n",
            "--SIZE", "--top_k", "--tasks", "--scenes");

    static final List<String> NUMBERS = List.of("0", "-0", "1", "-1", "+1", "8", "32", "63", "64", "65", "1024", "1025",
            "4096", "4097", "65536", "65537", "1000000", "1000001", "2000000000", "2147483647", "2147483648",
            "-2147483648", "-2147483649", "9223372036854775807", "9223372036854775808", "1000000000000", "10^12",
            "1e309", "-1e309", "1e-320", "NaN", "-NaN", "Infinity", "-Infinity", "+Infinity", "inf", "0x7fffffff",
            "0x1p3", "1_000", "1,5", "1.5", "0.0", "-0.0", "0.9999999999999999", "1.0000000000000002", "10", "10.000001",
            "20", "20.5", "2e-3", "3e-4", "1d", "1f", "", " ", "\u0663", "\uFF11\uFF12", "\u00BD");

    static final List<String> SOURCES = List.of("sample:0", "sample:3", "sample:-1", "sample:", "sample:x",
            "sample:2147483648", "sample:\u0663", "sample: 3", "/tmp/nope.png", "a b.png", "C:\\x.png", "@args.txt", "@",
            "~", ".", "..", "/");

    static final List<String> KEYS = Stream.concat(Arrays.stream(TrainKey.values()).map(TrainKey::key),
            Stream.of("", "stepz", "STEPS", " steps", "steps ", "=", "lr=lr")).toList();

    static final List<String> TEXT = List.of("a red circle", "how many red shapes are there?", "\"", "'", "\\", "\\\"",
            "\"unclosed", "'unclosed", "\"\"", "''", "$HOME", "${1 + 1}", "%tessera help", "caf\u00e9",
            "\uD83D\uDE00", "\u202Eevil", "\u0000", "\t", "\u2028", "\uFEFF", "\uD800", "true", "false", "unified",
            "joint-embedding", "unified-codebook", "tiny", "small", "gpu", "token", "example", "last", "unified-shapes32",
            "vq-shapes64", "rvq-shapes64", "fsq-shapes64", "setok-shapes64", "vq-shapes32", "fsq-shapes32", "scenes",
            "mnist", "fashion-mnist");

    @Property(tries = 4000)
    void structuredLinesParseWithinTheCapsOrNameTheProblem(@ForAll("structuredLines") String line) {
        check(line);
    }

    @Property(tries = 1500)
    void arbitraryUnicodeLinesParseWithinTheCapsOrNameTheProblem(@ForAll("unicodeLines") String line) {
        check(line);
    }

    @Property(tries = 40)
    void veryLongLinesAreRefusedQuickly(@ForAll("longLines") String line) {
        long start = System.nanoTime();
        check(line);
        assertThat((System.nanoTime() - start) / 1e9).as("seconds to read a %d-char line", line.length()).isLessThan(5);
    }

    /** The promise: a request within the caps, or a named problem; never another exception. */
    static void check(String line) {
        Magic magic;
        try {
            magic = MagicParser.parse(line);
        } catch (MagicParseException e) {
            assertNamesTheProblem(line, e.getMessage(), e.usage());
            Object r = Magics.run(line);
            assertThat(r).as(line).isInstanceOf(MagicError.class);
            assertThat(((MagicError) r).problem()).isEqualTo(e.getMessage());
            return;
        }
        assertWithinCaps(line, magic);
    }

    static void assertNamesTheProblem(String line, String problem, String usage) {
        assertThat(problem).as("problem for %s", line).isNotBlank()
                .doesNotContain("\tat ").doesNotContain("Exception").doesNotStartWith("java.");
        assertThat(usage).as("usage for %s", line).isNotBlank();
        assertThat(usage.startsWith("Usage: %tessera") || usage.startsWith("Tessera magics")
                || usage.startsWith("Close the quote")).as("usage for %s: %s", line, usage).isTrue();
    }

    /** No parsed line asks for unbounded work. */
    static void assertWithinCaps(String line, Magic magic) {
        assertThat(magic).as(line).isNotNull();
        if (magic instanceof GenerateRequest g) {
            assertThat(g.n()).as(line).isBetween(1, UnifiedModel.MAX_IMAGES);
        } else if (magic instanceof TokenizeRequest t) {
            assertThat(t.size()).as(line).isBetween(1, Images.MAX_SIDE);
        } else if (magic instanceof CodebookRequest c) {
            assertThat(c.images()).as(line).isBetween(1, EvaluationSet.MAX_IMAGES);
        } else if (magic instanceof CompareRequest c) {
            assertThat(c.images()).as(line).isBetween(1, EvaluationSet.MAX_IMAGES);
        } else if (magic instanceof EvaluateRequest e) {
            assertThat(e.scenes()).as(line).isBetween(1, EvaluationSet.MAX_IMAGES);
            assertThat(e.models()).as(line).hasSizeBetween(1, Evaluations.MAX_MODELS).doesNotHaveDuplicates();
        } else if (magic instanceof TrainUnifiedRequest t) {
            UnifiedTrainingConfig recipe = t.run().training();
            assertThat(recipe.steps()).as(line).isBetween(1, TrainingLimits.MAX_STEPS);
            assertThat(recipe.batchSize()).as(line).isBetween(1, TrainingLimits.MAX_BATCH);
            assertThat(recipe.learningRate()).as(line).isBetween(0.0, 1.0);
        }
    }

    @Provide
    Arbitrary<String> structuredLines() {
        Arbitrary<String> command = Arbitraries.frequencyOf(
                weighted(8, Arbitraries.of(COMMANDS)),
                weighted(1, Arbitraries.strings().ofMaxLength(12)),
                weighted(1, Arbitraries.of(TEXT)));
        return Combinators.combine(command, word().list().ofMaxSize(8))
                .as((c, words) -> c + (words.isEmpty() ? "" : " " + String.join(" ", words)));
    }

    @Provide
    Arbitrary<String> unicodeLines() {
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(200);
        return Combinators.combine(Arbitraries.of(COMMANDS), any).as((c, rest) -> c + " " + rest)
                .injectDuplicates(0.01);
    }

    @Provide
    Arbitrary<String> longLines() {
        Arbitrary<String> body = Arbitraries.of("9", "a", "\"", "--n ", "steps=", "\u00e9", "\\", " ");
        return Combinators.combine(Arbitraries.of(COMMANDS), body, Arbitraries.integers().between(10_000, 200_000))
                .as((c, b, n) -> c + " " + b.repeat(n / b.length()));
    }

    private static Arbitrary<String> word() {
        Arbitrary<String> number = Arbitraries.frequencyOf(
                weighted(6, Arbitraries.of(NUMBERS)),
                weighted(1, Arbitraries.integers().map(String::valueOf)),
                weighted(1, Arbitraries.longs().map(String::valueOf)),
                weighted(1, Arbitraries.doubles().withSpecialValue(Double.NaN).withSpecialValue(Double.NEGATIVE_INFINITY)
                        .withSpecialValue(Double.MAX_VALUE).map(String::valueOf)));
        Arbitrary<String> option = Arbitraries.of(OPTIONS);
        Arbitrary<String> optionWithValue = Combinators.combine(option, Arbitraries.of(" ", "="), number)
                .as((o, sep, n) -> o + sep + n);
        Arbitrary<String> setting = Combinators.combine(Arbitraries.of(KEYS), Arbitraries.of("=", "", "==", " = "),
                Arbitraries.oneOf(number, Arbitraries.of(TEXT))).as((k, eq, v) -> k + eq + v);
        Arbitrary<String> text = Arbitraries.oneOf(Arbitraries.of(TEXT), Arbitraries.strings().all().ofMaxLength(16));
        Arbitrary<String> quoted = Combinators.combine(Arbitraries.of("\"", "'"), text).as((q, t) -> q + t + q);
        return Arbitraries.frequencyOf(
                weighted(3, optionWithValue),
                weighted(2, option),
                weighted(2, number),
                weighted(3, setting),
                weighted(2, Arbitraries.of(SOURCES)),
                weighted(1, text),
                weighted(1, quoted),
                weighted(1, Arbitraries.of("=", "=5", "==", "steps=", "=steps", "key=", "-", "--", "---", "@", "''", "\"\"")));
    }

    private static Tuple.Tuple2<Integer, Arbitrary<? extends String>> weighted(int weight, Arbitrary<String> a) {
        return Tuple.of(weight, a);
    }
}
