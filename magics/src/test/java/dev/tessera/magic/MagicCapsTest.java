package dev.tessera.magic;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every numeric option of the magics is accepted up to its cap and refused one past it, with
 * the valid range in the message, at parse time (before any engine work).
 */
class MagicCapsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "tokenize sample:3 --size 1024",
        "codebook --images 4096",
        "compare vq-shapes64 --images 4096",
        "evaluate --scenes 4096",
        "generate 'a red circle' --n 64",
        "generate 'a red circle' --temperature 10",
        "generate 'a red circle' --temperature 0",
        "generate 'a red circle' --top-k 65536",
        "generate 'a red circle' --top-p 1",
        "generate 'a red circle' --cfg 20",
        "generate 'a red circle' --seed -9223372036854775808",
        "train unified steps=1000000",
        "train unified batch=1024",
        "train unified lr=1",
        "train unified checkpoint-every=1000000",
        "train unified checkpoint-every=0",
        "train unified seed=9223372036854775807",
    })
    void theCapIsAccepted(String line) {
        assertThat(MagicParser.parse(line)).isNotNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "tokenize sample:3 --size 1025                | --size 1025 is out of range: the image side must be 1..1024 pixels",
        "tokenize sample:3 --size 0                   | --size 0 is out of range",
        "codebook --images 4097                       | --images 4097 is out of range: evaluations measure 1..4096",
        "compare vq-shapes64 --images 4097            | --images 4097 is out of range: evaluations measure 1..4096",
        "compare vq-shapes64 --images -1              | 1..4096",
        "evaluate --scenes 4097                       | --scenes 4097 is out of range: evaluations measure 1..4096",
        "generate 'a red circle' --n 65               | --n 65 is out of range: generate draws 1..64 images",
        "generate 'a red circle' --n 2000000000       | generate draws 1..64 images",
        "generate 'a red circle' --n 0                | 1..64",
        "generate 'a red circle' --n 2000000000000    | '2000000000000' is not an int",
        "generate 'a red circle' --temperature 10.001 | temperature (--temperature) must be in [0, 10]",
        "generate 'a red circle' --temperature NaN    | temperature (--temperature) must be in [0, 10]",
        "generate 'a red circle' --temperature 1e309  | temperature (--temperature) must be in [0, 10] (0 = greedy), got Infinity",
        "generate 'a red circle' --top-k 65537        | topK (--top-k) must be in 0..65536",
        "generate 'a red circle' --top-k -1           | topK (--top-k) must be in 0..65536",
        "generate 'a red circle' --top-p 1.0001       | topP (--top-p) must be in (0, 1]",
        "generate 'a red circle' --top-p 0            | topP (--top-p) must be in (0, 1]",
        "generate 'a red circle' --cfg 20.01          | cfgScale (--cfg) must be in [0, 20]",
        "generate 'a red circle' --cfg -Infinity      | cfgScale (--cfg) must be in [0, 20]",
        "generate 'a red circle' --seed 9223372036854775808 | '9223372036854775808' is not a long",
        "train unified steps=1000001                  | steps must be in 1..1000000, got 1000001",
        "train unified steps=1000000000000            | steps must be in 1..1000000, got 1000000000000",
        "train unified steps=10^12                    | steps must be a whole number in 1..1000000",
        "train unified steps=0                        | steps must be in 1..1000000, got 0",
        "train unified batch=1025                     | batch size must be in 1..1024, got 1025",
        "train unified batch=                         | 'batch=' has no value",
        "train unified =16                            | '=16' has no key",
        "train unified lr=NaN                         | learningRate must be in [0, 1], got NaN",
        "train unified lr=-0.1                        | learningRate must be in [0, 1]",
        "train unified lr=1e309                       | learningRate must be in [0, 1], got Infinity",
        "train unified lr=fast                        | lr must be a number in [0, 1]",
        "train unified checkpoint-every=1000001       | checkpoint-every must be in 0..1000000",
        "train unified checkpoint-every=-1            | checkpoint-every must be in 0..1000000",
        "train unified seed=9223372036854775808       | seed must be in -9223372036854775808..9223372036854775807",
    })
    void onePastTheCapIsRefusedWithTheRange(String line, String message) {
        Object r = Magics.run(line);
        assertThat(r).as(line).isInstanceOf(MagicError.class);
        assertThat(((MagicError) r).problem()).contains(message);
        assertThat(((MagicError) r).usage()).startsWith("Usage: %tessera");
    }

    @Test
    void theUsageShowsEveryCap() {
        String generate = MagicParser.usageFor("generate");
        assertThat(UsageTest.row(generate, "--n")).contains("1..64");
        assertThat(UsageTest.row(generate, "--temperature")).contains("0..10");
        assertThat(UsageTest.row(generate, "--top-k")).contains("0..65536");
        assertThat(UsageTest.row(generate, "--cfg")).contains("0..20");
        assertThat(UsageTest.row(MagicParser.usageFor("tokenize"), "--size")).contains("1..1024");
        assertThat(UsageTest.row(MagicParser.usageFor("codebook"), "--images")).contains("1..4096");
        assertThat(UsageTest.row(MagicParser.usageFor("compare"), "--images")).contains("1..4096");
        String train = TrainForm.UNIFIED.usage();
        assertThat(UsageTest.row(train, "steps=N")).contains("1..1000000 (default 150");
        assertThat(UsageTest.row(train, "batch=N")).contains("1..1024 (default 16)");
        assertThat(UsageTest.row(train, "lr=X")).contains("in [0, 1] (default 0.002)");
        assertThat(UsageTest.row(train, "seed=N")).contains("(default 5)");
        assertThat(UsageTest.row(train, "checkpoint-every=N")).contains("0..1000000, 0 = only at the end (default 50)");
        assertThat(UsageTest.row(MagicParser.usageFor("evaluate"), "--scenes")).contains("1..4096");
        assertThat(UsageTest.row(MagicParser.usageFor("evaluate"), "--model")).contains("up to 8 models");
    }

    @Test
    void aLineLongerThanTheCapIsRefusedByItsLengthAndOneAtTheCapIsRead() {
        String atCap = "generate \"a red circle\" --n 2" + " ".repeat(MagicParser.MAX_LINE_CHARS - 29);
        assertThat(atCap).hasSize(MagicParser.MAX_LINE_CHARS);
        assertThat(((GenerateRequest) MagicParser.parse(atCap)).n()).isEqualTo(2);
        assertThat(((MagicError) Magics.run(atCap + " ")).problem())
                .contains("has " + (MagicParser.MAX_LINE_CHARS + 1) + " characters").contains("at most " + MagicParser.MAX_LINE_CHARS);
    }

    @Test
    void anAtSignIsAWordNotAFileOfArguments() {
        GenerateRequest g = (GenerateRequest) MagicParser.parse("generate @/etc/hostname");
        assertThat(g.prompt()).isEqualTo("@/etc/hostname");
    }

    @Test
    void aPathTheSystemCannotTakeIsNamed() {
        assertThat(((MagicError) Magics.run("caption \"a\u0000b.png\"")).problem())
                .contains("is not a file path this system accepts").contains("sample:N");
    }
}
