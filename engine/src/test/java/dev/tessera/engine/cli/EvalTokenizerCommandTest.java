package dev.tessera.engine.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class EvalTokenizerCommandTest {

    @Test
    void withAJudgeItScoresTheRealScenesAndTheReconstructionsOfTheSameScenes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream old = System.out;
        int code;
        try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            code = TesseraCli.commandLine().execute("eval-tokenizer", "--name", "fsq-shapes32", "--images", "12",
                    "--judge", "judge-objects32");
        } finally {
            System.setOut(old);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(code).isZero();
        assertThat(out).contains("12 images: PSNR")
                .containsPattern("judge judge-objects32 on real \\(12 scenes\\): count [0-9.]+%, colours [0-9.]+%, shapes")
                .containsPattern("judge judge-objects32 on fsq-shapes32 \\(12 scenes\\): count [0-9.]+%");
    }

    @Test
    void aJudgeOfAnotherImageSizeIsRefusedWithTheFix() {
        StringWriter err = new StringWriter();
        int code = TesseraCli.commandLine().setErr(new PrintWriter(err))
                .execute("eval-tokenizer", "--name", "vq-shapes64", "--images", "4", "--judge", "judge-objects32");
        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("makes 64px images").contains("use a tokenizer of 32px scenes");
        assertThat(err.toString()).as("bad input is one line, not a stack trace").doesNotContain("\tat ");
    }
}
