package dev.tessera.magic;

import dev.tessera.engine.unified.EvaluationBoard;
import dev.tessera.engine.unified.ModelEvaluation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class EvaluateMagicTest {

    private static MagicError error(String line) {
        Object r = Magics.run(line);
        assertThat(r).as(line).isInstanceOf(MagicError.class);
        MagicError e = (MagicError) r;
        assertThat(e.usage()).as(line).startsWith("Usage: %tessera evaluate");
        return e;
    }

    @Test
    void withoutOptionsTheShippedModelIsScoredOnCaptionsAndAnswersOf64Scenes() {
        EvaluateRequest e = (EvaluateRequest) MagicParser.parse("evaluate");
        assertThat(e.models()).containsExactly("unified-shapes32");
        assertThat(e.tasks()).containsExactly("caption", "answer");
        assertThat(e.scenes()).isEqualTo(64);
    }

    @Test
    void modelsRepeatAndTasksAreACommaList() {
        EvaluateRequest e = (EvaluateRequest) MagicParser.parse(
                "evaluate --model runs/a/1-tasks --model \"runs/my run\" --model last --tasks answer,generate --scenes 16");
        assertThat(e.models()).containsExactly("runs/a/1-tasks", "runs/my run", "last");
        assertThat(e.tasks()).as("the list replaces the default").containsExactly("answer", "generate");
        assertThat(e.scenes()).isEqualTo(16);
        assertThat(((EvaluateRequest) MagicParser.parse("evaluate --tasks generate")).tasks()).containsExactly("generate");
    }

    @Test
    void badArgumentsAreNamedWithTheFixBeforeAnyModelLoads() {
        assertThat(error("evaluate --scenes 0").problem())
                .isEqualTo("--scenes 0 is out of range: evaluations measure 1..4096 held-out images, got 0");
        assertThat(error("evaluate --scenes 4097").problem()).contains("--scenes 4097 is out of range");
        assertThat(error("evaluate --scenes many").problem()).contains("--scenes").contains("many");
        assertThat(error("evaluate --tasks caption,colours").problem()).contains("unknown task 'colours'")
                .contains("caption, generate, answer");
        assertThat(error("evaluate --tasks caption,caption").problem()).contains("task 'caption' is named twice");
        assertThat(error("evaluate --model a --model a").problem()).contains("model 'a' is named twice");
        String nine = IntStream.rangeClosed(1, 9).mapToObj(i -> " --model runs/m" + i).collect(Collectors.joining());
        assertThat(error("evaluate" + nine).problem())
                .contains("at most 8 models side by side");
        assertThat(error("evaluate --frobnicate").problem()).contains("--frobnicate");
    }

    @Test
    void aMissingCheckpointIsAnErrorNotAnException() {
        assertThat(error("evaluate --model /no/such/run").problem()).contains("no unified checkpoint at /no/such/run");
    }

    @Test
    void theShippedModelIsScoredForReal() {
        Object r = Magics.run("evaluate --scenes 4");
        assertThat(r).isInstanceOf(EvaluationBoard.class);
        EvaluationBoard b = (EvaluationBoard) r;
        assertThat(b.scenes()).isEqualTo(4);
        assertThat(b.tasks()).containsExactly("caption", "answer");
        ModelEvaluation row = b.models().get(0);
        assertThat(row.model()).isEqualTo("unified-shapes32");
        assertThat(List.copyOf(row.accuracy().keySet())).containsExactly("caption", "answer");
        // the shipped model reads these four scenes nearly perfectly (97.8% of attributes on 512)
        assertThat(row.accuracy().get("caption")).isGreaterThanOrEqualTo(0.75);
        assertThat(row.captions()).hasSize(4).allSatisfy(c -> assertThat(c.caption().text()).isNotBlank());
        assertThat(row.answers()).hasSize(4);
        assertThat(row.textNll()).isBetween(0.0, 1.0);
    }

    @Test
    void helpListsIt() {
        assertThat(MagicParser.help()).contains("%tessera evaluate [--model NAME|FOLDER] [--tasks T1,T2] [--scenes N]");
    }
}
