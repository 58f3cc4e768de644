package dev.tessera.magic;

import dev.tessera.engine.train.TokenizerBoard;
import dev.tessera.engine.train.TokenizerPreset;
import dev.tessera.engine.train.TokenizerRun;
import dev.tessera.engine.train.TokenizerRunResult;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TokenizerMagicsTest {

    private static MagicError error(String line) {
        Object r = Magics.run(line);
        assertThat(r).as(line).isInstanceOf(MagicError.class);
        return (MagicError) r;
    }

    @Test
    void trainTokenizerTakesTheRecipesArchitectureCutToANotebooksBudget() {
        TokenizerRun run = ((TrainTokenizerRequest) Magics.parse("train tokenizer")).run();
        assertThat(run.preset()).isEqualTo(TokenizerPreset.VQ_SHAPES64);
        assertThat(run.training()).isEqualTo(TokenizerPreset.VQ_SHAPES64.notebookRecipe());
        assertThat(run.out().toString()).startsWith("runs/vq-shapes64-");

        TokenizerRun custom = ((TrainTokenizerRequest) Magics.parse(
                "train tokenizer recipe=fsq-shapes32 steps=30 batch=4 lr=0.001 seed=5 out=runs/mine")).run();
        assertThat(custom.preset()).isEqualTo(TokenizerPreset.FSQ_SHAPES32);
        assertThat(custom.training().steps()).isEqualTo(30);
        assertThat(custom.training().batchSize()).isEqualTo(4);
        assertThat(custom.training().learningRate()).isEqualTo(0.001);
        assertThat(custom.training().seed()).isEqualTo(5);
        assertThat(custom.out()).isEqualTo(Path.of("runs/mine"));
    }

    @Test
    void badTokenizerSettingsAreNamedWithTheirFix() {
        assertThat(error("train tokenizer recipe=jpeg").problem()).contains("recipe=jpeg is not a tokenizer", "vq-shapes64");
        assertThat(error("train tokenizer preset=small").problem()).contains("unknown setting 'preset'", "recipe");
        assertThat(error("train tokenizer steps=0").problem()).contains("steps");
        assertThat(error("train vq-shapes64").problem()).contains("train tokenizer recipe=vq-shapes64");
        assertThat(error("train tokenizer steps=lots").usage()).contains("%tessera train tokenizer", "recipe=")
                .as("only the tokenizer form's usage").doesNotContain("train unified");
    }

    @Test
    void trainingATokenizerShowsALiveBoardThenItsHeldOutResult() {
        List<Object> updated = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        LiveDisplay display = new LiveDisplay() {
            @Override
            public void show(Object value, String id) {
                ids.add(id);
            }

            @Override
            public void update(Object value, String id) {
                updated.add(value);
                assertThat(id).isEqualTo(ids.get(0));
            }
        };
        Path out = Path.of(System.getProperty("java.io.tmpdir"), "tessera-magic-tokenizer-" + System.nanoTime());
        Object r = Magics.run("train tokenizer recipe=tiny steps=6 batch=2 out=" + out, display);
        assertThat(r).isInstanceOf(TokenizerRunResult.class);
        assertThat(ids).hasSize(1);
        TokenizerBoard last = (TokenizerBoard) updated.get(updated.size() - 1);
        assertThat(last.finished()).isTrue();
        assertThat(last.interrupted()).isFalse();
        assertThat(last.history()).hasSize(6).allSatisfy(s -> assertThat(s.codesUsed()).isBetween(0.0, 1.0));
        assertThat(last.heldOut()).isEqualTo(((TokenizerRunResult) r).heldOut());
        assertThat(out.resolve("config.json")).exists();
        assertThat(error("train tokenizer recipe=tiny steps=6 out=" + out).problem()).contains("already holds");
    }
}
