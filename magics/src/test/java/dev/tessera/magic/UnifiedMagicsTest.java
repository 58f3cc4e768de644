package dev.tessera.magic;

import dev.tessera.engine.train.TrainingBoard;

import dev.tessera.engine.lm.EmbeddingMode;
import dev.tessera.engine.train.TrainingBoard;
import dev.tessera.engine.unified.UnifiedRun;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UnifiedMagicsTest {

    private static MagicError error(String line) {
        Object r = Magics.run(line);
        assertThat(r).as(line).isInstanceOf(MagicError.class);
        return (MagicError) r;
    }

    @Test
    void generateParsesItsSamplingSettings() {
        GenerateRequest g = (GenerateRequest) MagicParser.parse(
                "generate \"a red circle\" --n 4 --temperature 0.7 --top-k 8 --top-p 0.9 --cfg 2 --seed 5");
        assertThat(g.prompt()).isEqualTo("a red circle");
        assertThat(g.n()).isEqualTo(4);
        assertThat(g.sampling().temperature()).isEqualTo(0.7);
        assertThat(g.sampling().topK()).isEqualTo(8);
        assertThat(g.sampling().topP()).isEqualTo(0.9);
        assertThat(g.sampling().cfgScale()).isEqualTo(2.0);
        assertThat(g.sampling().seed()).isEqualTo(5);
        assertThat(g.model()).isEqualTo("unified-shapes32");
    }

    @Test
    void editTakesAnImageAndAQuotedInstructionAndDefaultsToTheEditingModelAndGreedyDecoding() {
        EditRequest e = (EditRequest) MagicParser.parse("edit sample:4 \"make the red circle blue\"");
        assertThat(e.source()).isEqualTo(dev.tessera.engine.image.ImageSource.parse("sample:4"));
        assertThat(e.instruction()).isEqualTo("make the red circle blue");
        assertThat(e.model()).isEqualTo("illume-shapes32");
        assertThat(e.sampling().greedyChoice()).isTrue();
        assertThat(e.sampling().cfgScale()).as("editing is never guided").isEqualTo(1.0);
        EditRequest s = (EditRequest) MagicParser.parse("edit pic.png 'remove the square' --temperature 0.5 --top-k 4 "
                + "--seed 3 --model runs/x");
        assertThat(s.sampling().temperature()).isEqualTo(0.5);
        assertThat(s.sampling().topK()).isEqualTo(4);
        assertThat(s.sampling().seed()).isEqualTo(3);
        assertThat(s.model()).isEqualTo("runs/x");
        assertThat(error("edit sample:1").usage()).contains("%tessera edit");
        assertThat(error("edit sample:1 'remove the square' --temperature -2").problem()).contains("temperature");
    }

    @Test
    void askTakesAQuotedQuestion() {
        AskRequest a = (AskRequest) MagicParser.parse("ask sample:3 \"what colour is the triangle?\" --model runs/x");
        assertThat(a.question()).isEqualTo("what colour is the triangle?");
        assertThat(a.model()).isEqualTo("runs/x");
    }

    @Test
    void trainSettingsBecomeARun() {
        TrainUnifiedRequest t = (TrainUnifiedRequest) MagicParser.parse(
                "train unified preset=tiny embedding=joint-embedding freeze-text=true steps=30 batch=4 lr=0.01 seed=9 out=runs/t");
        UnifiedRun run = t.run();
        assertThat(run.preset()).isEqualTo("tiny");
        assertThat(run.embedding()).isEqualTo(EmbeddingMode.JOINT_EMBEDDING);
        assertThat(run.freezeText()).isTrue();
        assertThat(run.training().steps()).isEqualTo(30);
        assertThat(run.training().batchSize()).isEqualTo(4);
        assertThat(run.training().learningRate()).isEqualTo(0.01);
        assertThat(run.training().seed()).isEqualTo(9);
        assertThat(run.out()).isEqualTo(Path.of("runs/t"));
        assertThat(run.resume()).isFalse();
        UnifiedRun defaults = ((TrainUnifiedRequest) MagicParser.parse("train unified preset=small")).run();
        assertThat(defaults.embedding()).as("no embedding= means the preset's own").isNull();
        assertThat(defaults.model().embedding()).isEqualTo(dev.tessera.engine.unified.UnifiedConfig.small().embedding());
        UnifiedRun uniCode = ((TrainUnifiedRequest) MagicParser.parse("train unified embedding=unified-codebook")).run();
        assertThat(uniCode.model().embedding()).isEqualTo(EmbeddingMode.UNIFIED_CODEBOOK);
    }

    @Test
    void badSettingsNameTheProblemAndTheValidValues() {
        assertThat(error("train unified stpes=3").problem()).contains("unknown setting 'stpes'").contains("steps");
        assertThat(error("train unified steps=many").problem()).contains("steps must be a whole number");
        assertThat(error("train unified preset=huge").problem()).contains("tiny, small, gpu, small-unicode");
        assertThat(error("train unified embedding=clip").problem()).contains("unified-codebook").contains("joint-embedding");
        assertThat(error("train unified resume=maybe").problem()).contains("true or false");
        assertThat(error("train nothing-of-that-name").problem()).contains("train unified", "train tokenizer");
        assertThat(error("train unified steps=0").problem()).contains("steps");
        assertThat(error("generate \"a red circle\" --temperature -1").problem()).contains("temperature");
        assertThat(error("generate").usage()).contains("%tessera generate");
        assertThat(error("caption sample:x").problem()).contains("sample");
    }

    @Test
    void trainingShowsALiveBoardAndUpdatesItInPlace() {
        List<Object[]> shown = new java.util.ArrayList<>();
        List<Object[]> updated = new java.util.ArrayList<>();
        LiveDisplay display = new LiveDisplay() {
            @Override
            public void show(Object value, String id) {
                shown.add(new Object[] {value, id});
            }

            @Override
            public void update(Object value, String id) {
                updated.add(new Object[] {value, id});
            }
        };
        Path out = Path.of(System.getProperty("java.io.tmpdir"), "tessera-magic-train-" + System.nanoTime());
        Object r = Magics.run("train unified preset=tiny steps=3 batch=2 out=" + out, display);
        assertThat(r).isInstanceOf(dev.tessera.engine.unified.UnifiedTrainingResult.class);
        assertThat(shown).hasSize(1);
        assertThat(updated).isNotEmpty();
        assertThat(updated).allSatisfy(u -> assertThat(u[1]).isEqualTo(shown.get(0)[1]));
        TrainingBoard last = (TrainingBoard) updated.get(updated.size() - 1)[0];
        assertThat(last.finished()).isTrue();
        assertThat(last.history()).hasSize(3);
        // the model's own vocabulary, for the chart's uniform-guess rule
        dev.tessera.engine.unified.UnifiedModel trained = dev.tessera.engine.unified.UnifiedModels.model(out.toString());
        assertThat(last.vocabularySize()).isEqualTo(trained.vocabulary().layout().size()).isPositive();
        assertThat(updated).allSatisfy(u -> assertThat(((TrainingBoard) u[0]).vocabularySize()).isEqualTo(last.vocabularySize()));
        assertThat(out.resolve("config.json")).exists();
        assertThat(error("train unified preset=tiny steps=3 batch=2 out=" + out).problem()).contains("resume=true");
    }
}
