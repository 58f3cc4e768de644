package dev.tessera.engine.unified;

import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.lm.SamplingConfig;
import dev.tessera.engine.vocab.Segment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnifiedModelTest {

    static UnifiedModel model;

    @BeforeAll
    static void create() {
        model = UnifiedModel.create(UnifiedConfig.tiny(), 5);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void generationWritesExactlyOneImageOfCodesPerSample() {
        Generation g = model.generate("a red circle", 3, SamplingConfig.images(1));
        assertThat(g.images()).hasSize(3);
        assertThat(g.images().get(0).width()).isEqualTo(model.imageSize());
        assertThat(g.grids().get(0).rows()).isEqualTo(8);
        assertThat(g.sequences().get(0).images()).hasSize(1);
        assertThat(g.sequences().get(0).images().get(0).complete()).isTrue();
        assertThat(g.sequences().get(0).text()).isEqualTo("a red circle");
        Generation again = model.generate("a red circle", 3, SamplingConfig.images(1));
        assertThat(again.grids()).isEqualTo(g.grids());
    }

    @Test
    void captionsAndAnswersAreTextSequencesAfterTheImage() {
        RgbImage img = new SceneGenerator(SceneConfig.scenes32(1)).scene(0).image();
        Caption c = model.caption(img);
        assertThat(c.sequence().segments().get(0)).isEqualTo(new Segment.Special(dev.tessera.engine.vocab.SpecialToken.CAPTION));
        assertThat(c.sequence().images()).hasSize(1);
        Answer a = model.answer(img, "How many shapes are there?");
        assertThat(a.sequence().toString()).contains("how many shapes are there?<answer>");
        RgbImage big = new SceneGenerator(SceneConfig.scenes64(1)).scene(0).image();
        assertThat(model.caption(big).image().width()).isEqualTo(32);
    }

    @Test
    void badPromptsGetClearErrors() {
        assertThatThrownBy(() -> model.generate("  ", 1, SamplingConfig.images(0)))
                .hasMessageContaining("prompt is empty").hasMessageContaining("a red circle");
        assertThatThrownBy(() -> model.generate("a magenta hexagon", 1, SamplingConfig.images(0)))
                .hasMessageContaining("never saw: [hexagon, magenta]").hasMessageContaining("it knows");
        String longPrompt = "a red circle and ".repeat(12) + "a red circle";
        assertThatThrownBy(() -> model.generate(longPrompt, 1, SamplingConfig.images(0)))
                .hasMessageContaining("text tokens long");
        assertThatThrownBy(() -> model.generate("a red circle", 0, SamplingConfig.images(0))).hasMessageContaining("1..64");
        assertThatThrownBy(() -> model.answer(new SceneGenerator(SceneConfig.scenes32(1)).scene(0).image(), "why?"))
                .hasMessageContaining("never saw: [why]");
    }

    @Test
    void foreignOrIncompleteCheckpointsAreNamed(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> UnifiedCheckpoint.load(dir.resolve("nothing"))).hasMessageContaining("no unified checkpoint");
        Files.writeString(dir.resolve("config.json"), "{\"format\":\"tessera-tokenizer\",\"version\":1}");
        assertThatThrownBy(() -> UnifiedCheckpoint.load(dir)).hasMessageContaining("is a 'tessera-tokenizer' v1 checkpoint");
        Path other = dir.resolve("other");
        UnifiedTrainingConfig cfg = UnifiedTrainerTest.SHORT.withSteps(1);
        try (UnifiedModel wide = UnifiedModel.create(UnifiedConfig.tiny(), 1); UnifiedTrainer t = new UnifiedTrainer(wide, cfg)) {
            t.checkpointTo(other, java.util.Map.of()).run();
        }
        Files.delete(other.resolve("history.json"));
        assertThatThrownBy(() -> UnifiedCheckpoint.load(other)).hasMessageContaining("incomplete").hasMessageContaining("history.json");
    }
}
