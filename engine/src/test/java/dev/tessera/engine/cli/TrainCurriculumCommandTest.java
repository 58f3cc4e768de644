package dev.tessera.engine.cli;

import dev.tessera.engine.curriculum.Curriculum;
import dev.tessera.engine.curriculum.Stage;
import dev.tessera.engine.unified.UnifiedCheckpoint;
import dev.tessera.engine.unified.UnifiedTrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrainCurriculumCommandTest {

    @Test
    void aCurriculumFileTrainsFromTheCommandLineCutToItsFirstStageWithASmallerBudget(@TempDir Path dir) {
        Path file = dir.resolve("c.json");
        new Curriculum("cli", "", "tiny", List.of(
                new Stage("first", Stage.FRESH, UnifiedTrainingConfig.smoke()),
                new Stage("second", Stage.PREVIOUS, UnifiedTrainingConfig.smoke()))).write(file);
        StringWriter err = new StringWriter();
        int code = TesseraCli.commandLine().setErr(new PrintWriter(err)).execute("train-curriculum", "--curriculum",
                file.toString(), "--stage", "first", "--steps", "3", "--out", dir.resolve("run").toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(UnifiedCheckpoint.manifest(dir.resolve("run/1-first")).step()).isEqualTo(3);
        assertThat(dir.resolve("run/2-second")).doesNotExist();
        assertThat(UnifiedCheckpoint.provenance(dir.resolve("run/1-first")).get("command").toString())
                .contains("train-curriculum --curriculum " + file).contains("--steps 3");
    }

    @Test
    void anUnknownStageIsABadInputNamingTheStages(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        int code = TesseraCli.commandLine().setErr(new PrintWriter(err)).execute("train-curriculum", "--curriculum", "scenes",
                "--stage", "nope", "--out", dir.resolve("run").toString());
        assertThat(code).isEqualTo(TesseraCli.BAD_INPUT);
        assertThat(err.toString()).contains("no stage 'nope'").contains("tasks, example-weighted");
    }
}
