package dev.tessera.engine.unified;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.tessera.engine.runtime.TesseraRuntime;
import dev.tessera.engine.task.TextTask;
import dev.tessera.engine.vocab.VocabularyLayout;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TextPerplexityTest {

    /** The known answer: exp of the mean NLL of ids 2..n under a softmax over the text ids alone, computed here by hand. */
    @Test
    void itIsTheExponentOfTheMeanTextOnlyNllOfEveryIdAfterTheFirst() {
        try (UnifiedModel model = UnifiedModel.create(UnifiedConfig.tiny(), 3); NDManager m = TesseraRuntime.newManager()) {
            List<String> passages = List.of("one red circle", "how many squares are there? two");
            double nll = 0;
            int count = 0;
            VocabularyLayout layout = model.transformer().layout();
            for (String p : passages) {
                int[] ids = model.vocabulary().encodeText(p);
                float[] logits = model.transformer().forward(m, m.create(ids, new Shape(1, ids.length))).toFloatArray();
                int v = layout.size();
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
            assertThat(TextPerplexity.measure(model, passages)).isCloseTo(Math.exp(nll / count), within(1e-3));
            // an untrained model is close to uniform over the text ids
            int textIds = layout.imageStart() - layout.textStart();
            assertThat(TextPerplexity.measure(model, passages)).isBetween(textIds * 0.7, textIds * 1.3);
        }
    }

    /** With the text task's tag bound, a passage is read as that task writes it: every id, the first predicted from the tag. */
    @Test
    void aModelThatKnowsTheTextTaskReadsEveryIdAfterItsTag() {
        try (UnifiedModel bare = UnifiedModel.create(UnifiedConfig.tiny(), 3);
             UnifiedModel model = bare.withTaskTags(List.of(TextTask.TAG)); NDManager m = TesseraRuntime.newManager()) {
            List<String> passages = List.of("one red circle", "how many squares are there? two");
            VocabularyLayout layout = model.transformer().layout();
            int tag = layout.tagId(TextTask.TAG);
            double nll = 0;
            int count = 0;
            for (String p : passages) {
                int[] text = model.vocabulary().encodeText(p);
                int[] ids = new int[text.length + 1];
                ids[0] = tag;
                System.arraycopy(text, 0, ids, 1, text.length);
                float[] logits = model.transformer().forward(m, m.create(ids, new Shape(1, ids.length))).toFloatArray();
                int v = layout.size();
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
            assertThat(count).as("every text id is scored").isEqualTo(passages.stream()
                    .mapToInt(p -> model.vocabulary().encodeText(p).length).sum());
            assertThat(TextPerplexity.measure(model, passages)).isCloseTo(Math.exp(nll / count), within(1e-3));
        }
    }
}
