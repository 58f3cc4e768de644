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
    }

    @Test
    void anUnknownPresetListsTheValidOnes() {
        StringWriter err = new StringWriter();
        int code = TesseraCli.commandLine().setErr(new PrintWriter(err))
                .execute("train-judge", "--preset", "huge", "--out", dir.resolve("x").toString());
        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("judge-shapes32, tiny");
    }
}
