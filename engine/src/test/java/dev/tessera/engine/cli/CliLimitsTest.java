package dev.tessera.engine.cli;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Out-of-range numbers on the engine command line are refused with exit code 2 and the valid
 * range, before any training or evaluation starts (nothing is written to --out).
 */
class CliLimitsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "train-tokenizer --preset tiny --steps 1000001                         | steps must be in 1..1000000",
        "train-tokenizer --preset tiny --log-every 0                           | --log-every must be a number of steps >= 1",
        "train-tokenizer --preset tiny --eval-images 4097                      | 1..4096 held-out images",
        "train-judge --preset tiny --steps 1000001                             | steps must be in 1..1000000",
        "train-judge --preset tiny --eval-images 0                             | 1..4096 held-out images",
        "train-judge --preset tiny --log-every -5                              | --log-every must be a number of steps >= 1",
        "train-unified --preset tiny --steps 1000001                           | steps must be in 1..1000000",
        "train-unified --preset tiny --batch 1025                              | batch size must be in 1..1024",
        "train-unified --preset tiny --lr NaN                                  | learningRate must be in [0, 1]",
        "train-unified --preset tiny --log-every 0                             | --log-every must be a number of steps >= 1",
        "eval-unified --scenes 4097                                            | 1..4096 held-out images",
        "eval-unified --samples 65                                             | 1..64 images at a time",
        "eval-unified --top-k 65537                                            | topK (--top-k) must be in 0..65536",
        "eval-unified --cfg Infinity                                           | cfgScale (--cfg) must be in [0, 20]",
        "eval-unified --task nope                                              | unknown task 'nope'",
        "eval-tokenizer --images 2000000000                                    | 1..4096 held-out images",
    })
    void refusedBeforeAnyWork(String args, String message) {
        Path out = dir.resolve("out");
        String[] argv = (args.trim() + (args.startsWith("train") ? " --out " + out : "")).split(" +");
        StringWriter err = new StringWriter();
        int code = TesseraCli.commandLine().setErr(new PrintWriter(err)).execute(argv);
        assertThat(code).isEqualTo(TesseraCli.BAD_INPUT);
        assertThat(err.toString()).contains(message).doesNotContain("\tat ");
        assertThat(Files.exists(out)).isFalse();
    }
}
