package dev.tessera.engine.train;

import dev.tessera.engine.tokenize.TokenizerCheckpoint;
import dev.tessera.engine.tokenize.TrainableTokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenizerTrainingTest {

    @TempDir
    Path dir;

    @Test
    void aRunTrainsMeasuresAndSavesALoadableCheckpointWithItsProvenance() throws Exception {
        Path out = dir.resolve("tiny-run");
        TokenizerRun run = new TokenizerRun(TokenizerPreset.TINY, TokenizerPreset.TINY.recipe().withSteps(8), out, 16);
        List<TrainingProgress> seen = new ArrayList<>();
        TokenizerRunResult r = TokenizerTraining.train(run, seen::add, new TrainingStop(), "test command");
        assertThat(seen).hasSize(8);
        assertThat(r.training().stepsDone()).isEqualTo(8);
        assertThat(r.heldOut().images()).isEqualTo(16);
        assertThat(r.heldOut().meanPsnr()).isPositive();
        assertThat(r.codebookSize()).isEqualTo(TokenizerPreset.TINY.codebookSize());
        assertThat(r.checkpoint()).isEqualTo(out);
        assertThat(TokenizerTraining.last()).as("the folder a notebook loads next").isEqualTo(out);
        try (TrainableTokenizer<?> back = TokenizerCheckpoint.load(out)) {
            assertThat(back.name()).as("named after its folder, not the shipped preset").isEqualTo("tiny-run");
        }
        String provenance = Files.readString(out.resolve("provenance.json"));
        assertThat(provenance).contains("test command", "heldOut", "stepsDone");
    }

    @Test
    void aFolderThatHoldsACheckpointIsRefusedBeforeAnythingIsBuilt() throws Exception {
        Path out = Files.createDirectories(dir.resolve("taken"));
        Files.writeString(out.resolve("config.json"), "{}");
        assertThatThrownBy(() -> TokenizerRun.of(TokenizerPreset.TINY, out))
                .hasMessageContaining("already holds a tokenizer checkpoint").hasMessageContaining("out=");
        assertThatThrownBy(() -> TokenizerRun.of(TokenizerPreset.TINY, dir.resolve("new")).withEvalImages(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
