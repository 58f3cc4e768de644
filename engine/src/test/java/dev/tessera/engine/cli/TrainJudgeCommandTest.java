package dev.tessera.engine.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TrainJudgeCommandTest {

    @TempDir
    Path dir;

    @Test
    void theTinyPresetTrainsEvaluatesAndRecordsHowItWasMade() {
        Path out = dir.resolve("judge");
        int code = TesseraCli.commandLine().execute("train-judge", "--preset", "tiny", "--steps", "6", "--seed", "3",
                "--out", out.toString(), "--eval-images", "8", "--log-every", "3");
        assertThat(code).isZero();
        assertThat(out.resolve("provenance.json")).content()
                .contains("train-judge --preset tiny --steps 6 --seed 3 --out " + out + " --eval-images 8")
                .contains("\"seed\" : 3").contains("\"threads\" : 1").contains("\"heldOut\"").contains("\"stepsDone\" : 6");
        assertThat(out.resolve("config.json")).content().contains("tessera-judge");
        assertThat(out.resolve("provenance.json")).content().contains("\"roundedSquares\"");
    }

    @Test
    void evalJudgeMeasuresAFolderAndRecordsTheResultsBesideIt() {
        Path out = dir.resolve("judge");
        assertThat(TesseraCli.commandLine().execute("train-judge", "--preset", "tiny", "--steps", "3", "--out",
                out.toString(), "--eval-images", "4")).isZero();
        java.io.PrintStream was = System.out;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
            code = TesseraCli.commandLine().execute("eval-judge", "--checkpoint", out.toString(), "--images", "6", "--record");
        } finally {
            System.setOut(was);
        }
        assertThat(code).isZero();
        assertThat(printed.toString(java.nio.charset.StandardCharsets.UTF_8))
                .containsPattern("judge tiny on real \\(6 scenes\\): count [0-9.]+%.*attribution [0-9.]+%, all [0-9.]+%")
                .contains("rounded squares, roundness 0.00: square", "rounded squares, roundness 1.00: square");
        assertThat(out.resolve("provenance.json")).content().contains("\"images\" : 6").contains("\"roundness\" : 0.75");
        // a shipped judge is read-only
        StringWriter err = new StringWriter();
        assertThat(TesseraCli.commandLine().setErr(new PrintWriter(err)).execute("eval-judge", "--record")).isNotZero();
        assertThat(err.toString()).contains("--record needs --checkpoint FOLDER");
    }

    @Test
    void anUnknownPresetListsTheValidOnes() {
        StringWriter err = new StringWriter();
        int code = TesseraCli.commandLine().setErr(new PrintWriter(err))
                .execute("train-judge", "--preset", "huge", "--out", dir.resolve("x").toString());
        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("judge-objects32, assessor-tokens32, tiny");
    }
}
