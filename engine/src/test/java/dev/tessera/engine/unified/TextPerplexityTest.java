package dev.tessera.engine.unified;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.tessera.engine.runtime.TesseraRuntime;
import dev.tessera.engine.task.TextTask;
import dev.tessera.engine.vocab.VocabularyLayout;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TextPerplexityTest {

    static final List<String> PASSAGES = List.of("one red circle", "how many squares are there? two");

    /** The known answer: exp of the mean NLL of ids 2..n under a softmax over the text ids alone, computed here by hand. */
    @Test
    void itIsTheExponentOfTheMeanTextOnlyNllOfEveryIdAfterTheFirst() {
        try (UnifiedModel model = UnifiedModel.create(UnifiedConfig.tiny(), 3)) {
            List<int[]> read = PASSAGES.stream().map(p -> model.vocabulary().encodeText(p)).toList();
            double[] byHand = byHand(model, read);
            assertThat(byHand[1]).as("every id after the first").isEqualTo(read.stream().mapToInt(r -> r.length - 1).sum());
            assertThat(TextPerplexity.measure(model, PASSAGES)).isCloseTo(Math.exp(byHand[0] / byHand[1]), within(1e-3));
            // an untrained model is close to uniform over the text ids
            VocabularyLayout layout = model.transformer().layout();
            int textIds = layout.imageStart() - layout.textStart();
            assertThat(TextPerplexity.measure(model, PASSAGES)).isBetween(textIds * 0.7, textIds * 1.3);
        }
    }

    /** With the text task's tag bound, a passage is read as that task writes it: every id, the first predicted from the tag. */
    @Test
    void aModelThatKnowsTheTextTaskReadsEveryIdAfterItsTag() {
        try (UnifiedModel bare = UnifiedModel.create(UnifiedConfig.tiny(), 3);
             UnifiedModel model = bare.withTaskTags(List.of(TextTask.TAG))) {
            int tag = model.transformer().layout().tagId(TextTask.TAG);
            List<int[]> read = PASSAGES.stream().map(p -> IntStream.concat(IntStream.of(tag),
                    IntStream.of(model.vocabulary().encodeText(p))).toArray()).toList();
            double[] byHand = byHand(model, read);
            assertThat(byHand[1]).as("every text id is scored").isEqualTo(PASSAGES.stream()
                    .mapToInt(p -> model.vocabulary().encodeText(p).length).sum());
            assertThat(TextPerplexity.measure(model, PASSAGES)).isCloseTo(Math.exp(byHand[0] / byHand[1]), within(1e-3));
        }
    }

    /** {total NLL, ids scored} of predicting each id of each sequence from the ones before it, softmax over text ids. */
    private static double[] byHand(UnifiedModel model, List<int[]> sequences) {
        VocabularyLayout layout = model.transformer().layout();
        int v = layout.size();
        double nll = 0;
        int count = 0;
        try (NDManager m = TesseraRuntime.newManager()) {
            for (int[] ids : sequences) {
                float[] logits = model.transformer().forward(m, m.create(ids, new Shape(1, ids.length))).toFloatArray();
                for (int j = 0; j + 1 < ids.length; j++) {
                    double max = Double.NEGATIVE_INFINITY;
                    for (int k = layout.textStart(); k < layout.imageStart(); k++) {
                        max = Math.max(max, logits[j * v + k]);
                    }
                    double sum = 0;
                    for (int k = layout.textStart(); k < layout.imageStart(); k++) {
                        sum += Math.exp(logits[j * v + k] - max);
                    }
                    nll += -(logits[j * v + ids[j + 1]] - max - Math.log(sum));
                    count++;
                }
            }
        }
        return new double[] {nll, count};
    }
}
