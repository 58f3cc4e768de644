package dev.tessera.engine.unified;

import dev.tessera.engine.lm.LossWeighting;
import dev.tessera.engine.task.TaskMix;
import dev.tessera.engine.train.StepLoss;
import dev.tessera.engine.train.TrainingStop;
import dev.tessera.engine.unified.CodebookAlignment.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CodebookAlignmentTest {

    /** Six steps, an alignment after steps 3 and 6; lambda 0.5 so a pull is large enough to see. */
    static UnifiedTrainingConfig config(Mode mode) {
        return new UnifiedTrainingConfig(6, 4, 3e-3, 1, 0.0, 1.0, 5, 0, TaskMix.balanced(), LossWeighting.TOKEN)
                .withAlignment(new CodebookAlignment(mode, 3, 0.5));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void eachArmMovesExactlyTheTablesItSaysItMoves(Mode mode) {
        try (UnifiedModel model = UnifiedModel.create(UnifiedConfig.tinyUnicode(), 2)) {
            float[] codesBefore = model.imageTokenizer().alignableCodebook().codebookValues();
            float[] tableBefore = model.transformer().imageCodebook();
            assertThat(tableBefore).as("the model's table starts as the codebook").containsExactly(codesBefore);
            try (UnifiedTrainer t = new UnifiedTrainer(model, config(mode))) {
                assertThat(t.run().history()).hasSize(6);
            }
            float[] codes = model.imageTokenizer().alignableCodebook().codebookValues();
            float[] table = model.transformer().imageCodebook();
            assertThat(changed(codesBefore, codes)).as("the codebook learned").isEqualTo(mode != Mode.FROZEN);
            assertThat(changed(tableBefore, table)).as("the model's table learned").isEqualTo(mode != Mode.FROZEN_LM_TABLE);
        }
    }

    private static boolean changed(float[] a, float[] b) {
        return !java.util.Arrays.equals(a, b);
    }

    /** A pull leaves lambda of the distance (one way) or (2 lambda - 1) of it (both ways): the gap shrinks by its square. */
    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"ONE_WAY", "FROZEN_LM_TABLE", "TWO_WAY", "NONE"})
    void anAlignmentShrinksTheGapByTheKnownFactor(Mode mode) {
        try (UnifiedModel model = UnifiedModel.create(UnifiedConfig.tinyUnicode(), 2)) {
            model.transformer().pullImageCodebook(shifted(model.transformer().imageCodebook()), 0.0);
            CodebookAligner aligner = CodebookAligner.of(model, new CodebookAlignment(mode, 3, 0.8));
            double before = aligner.gap();
            assertThat(before).isGreaterThan(0.01);
            aligner.afterStep(2);
            assertThat(aligner.gap()).as("no alignment after step 2").isEqualTo(before);
            aligner.afterStep(3);
            double factor = switch (mode) {
                case ONE_WAY, FROZEN_LM_TABLE -> 0.8 * 0.8;
                case TWO_WAY -> 0.6 * 0.6;
                default -> 1.0;
            };
            assertThat(aligner.gap()).isCloseTo(before * factor, within(before * 1e-4));
        }
    }

    private static float[] shifted(float[] v) {
        float[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += (i % 5 - 2) * 0.1f;
        }
        return out;
    }

    @Test
    void anAlignedRunResumesWithIdenticalLossesAndKeepsItsCodebook(@TempDir Path dir) {
        UnifiedTrainingConfig cfg = config(Mode.ONE_WAY).withCheckpointEvery(2);
        List<StepLoss> straight;
        float[] straightCodes;
        try (UnifiedModel model = UnifiedModel.create(UnifiedConfig.tinyUnicode(), 4);
             UnifiedTrainer t = new UnifiedTrainer(model, cfg)) {
            straight = t.run().history();
            straightCodes = model.imageTokenizer().alignableCodebook().codebookValues();
        }
        Path folder = dir.resolve("run");
        TrainingStop stop = new TrainingStop();
        try (UnifiedModel model = UnifiedModel.create(UnifiedConfig.tinyUnicode(), 4);
             UnifiedTrainer t = new UnifiedTrainer(model, cfg)) {
            // stopped after step 4: one alignment (after 3) is inside the checkpoint, one (after 6) still to come
            t.stop(stop).listener(p -> {
                if (p.step() == 4) {
                    stop.request();
                }
            }).checkpointTo(folder, Map.of("test", true)).run();
        }
        // the learned codebook is saved with the model (format v3); an older Tessera refuses it rather than use the shipped one
        assertThat(folder.resolve("image-tokenizer.params")).isRegularFile();
        assertThat(UnifiedCheckpoint.manifest(folder).version()).isEqualTo(3);
        UnifiedCheckpoint.Loaded loaded = UnifiedCheckpoint.load(folder);
        assertThat(loaded.model().hasOwnImageTokenizer()).isTrue();
        List<StepLoss> resumed;
        try (UnifiedModel model = loaded.model(); UnifiedTrainer t = UnifiedTrainer.resume(loaded, cfg)) {
            resumed = t.run().history();
            assertThat(model.imageTokenizer().alignableCodebook().codebookValues()).containsExactly(straightCodes);
        }
        assertThat(resumed).hasSize(6);
        for (int i = 0; i < 6; i++) {
            assertThat(resumed.get(i).loss()).as("step %d", i + 1).isEqualTo(straight.get(i).loss());
        }
    }

    @Test
    void aFrozenTokenizerIsNamedNotSavedAndALearnedOnesFileIsCheckedLikeEveryOther(@TempDir Path dir) throws Exception {
        Path frozen = dir.resolve("frozen");
        try (UnifiedModel model = UnifiedModel.create(UnifiedConfig.tinyUnicode(), 4);
             UnifiedTrainer t = new UnifiedTrainer(model, config(Mode.FROZEN).withSteps(2))) {
            t.checkpointTo(frozen, Map.of("test", true)).run();
        }
        assertThat(frozen.resolve("image-tokenizer.params")).doesNotExist();
        assertThat(UnifiedCheckpoint.manifest(frozen).version()).isEqualTo(2);
        try (UnifiedModel m = UnifiedCheckpoint.load(frozen).model()) {
            assertThat(m.hasOwnImageTokenizer()).isFalse();
        }
        Path aligned = dir.resolve("aligned");
        try (UnifiedModel model = UnifiedModel.create(UnifiedConfig.tinyUnicode(), 4);
             UnifiedTrainer t = new UnifiedTrainer(model, config(Mode.ONE_WAY).withSteps(3))) {
            t.checkpointTo(aligned, Map.of("test", true)).run();
        }
        dev.tessera.engine.io.CheckpointFixtures.flipLastFloat(aligned.resolve("image-tokenizer.params"));
        assertThatThrownBy(() -> UnifiedCheckpoint.load(aligned))
                .isInstanceOf(dev.tessera.engine.io.CheckpointIntegrityException.class)
                .hasMessageContaining("image-tokenizer.params has changed since the checkpoint was written");
        java.nio.file.Files.delete(aligned.resolve("image-tokenizer.params"));
        assertThatThrownBy(() -> UnifiedCheckpoint.load(aligned)).hasMessageContaining("image-tokenizer.params");
    }

    @Test
    void aModelWithoutAUnifiedCodebookIsRefusedWithTheFix() {
        try (UnifiedModel model = UnifiedModel.create(UnifiedConfig.tiny(), 2)) {
            assertThatThrownBy(() -> new UnifiedTrainer(model, config(Mode.ONE_WAY)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("unified-codebook").hasMessageContaining("small-unicode");
        }
        try (UnifiedModel model = UnifiedModel.create(UnifiedConfig.tiny().withEmbedding(
                dev.tessera.engine.lm.EmbeddingMode.UNIFIED_CODEBOOK, false), 2)) {
            assertThatThrownBy(() -> new UnifiedTrainer(model, config(Mode.ONE_WAY)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no single learned codebook").hasMessageContaining("vq-shapes32");
        }
    }

    @Test
    void settingsAreCheckedAndNamedAsTheCommandLineWritesThem() {
        assertThat(Mode.parse("frozen-lm-table")).isEqualTo(Mode.FROZEN_LM_TABLE);
        assertThat(Mode.ONE_WAY.id()).isEqualTo("one-way");
        assertThatThrownBy(() -> Mode.parse("sideways")).hasMessageContaining("one-way");
        assertThatThrownBy(() -> new CodebookAlignment(Mode.ONE_WAY, 0, 0.5)).hasMessageContaining("every");
        assertThatThrownBy(() -> new CodebookAlignment(Mode.ONE_WAY, 3, 1.0)).hasMessageContaining("lambda");
        assertThat(new CodebookAlignment(null, 1, 0).mode()).isEqualTo(Mode.FROZEN);
        assertThat(config(Mode.TWO_WAY).withSteps(3).alignment()).isEqualTo(new CodebookAlignment(Mode.TWO_WAY, 3, 0.5));
    }
}
