package dev.tessera.engine.unified;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.tessera.engine.lm.SequenceLoss;
import dev.tessera.engine.runtime.TesseraRuntime;
import dev.tessera.engine.task.TextTask;
import dev.tessera.engine.vocab.SpecialToken;
import dev.tessera.engine.vocab.VocabularyLayout;

import java.util.ArrayList;
import java.util.List;

/**
 * How well a model predicts held-out text: the perplexity {@code exp(mean NLL)} of each text id
 * of held-out passages given the ones before it, with the softmax over the text ids only, so the
 * number is comparable across models whatever their image and control ids. A passage is read as
 * the text task ({@link TextTask}) writes it: after the {@code <text>} tag, which predicts the
 * passage's first id, when the model has that tag bound; a model that never learned the text
 * task reads the bare passage, whose first id is then not scored. TEAL (arXiv 2311.04589)
 * freezes the language model so that this does not get worse while the model learns images; the
 * {@code teal} curriculum's guard measures it before the first stage and after each one.
 */
public final class TextPerplexity {

    /** Held-out passages the guard scores. */
    public static final int DEFAULT_PASSAGES = 256;
    private static final int BATCH = 32;

    private TextPerplexity() {
    }

    /** The perplexity of {@code model} on {@code passages} (each cut to {@link TextTask#MAX_IDS} text ids). */
    public static double measure(UnifiedModel model, List<String> passages) {
        VocabularyLayout layout = model.transformer().layout();
        int from = layout.textStart();
        int to = layout.imageStart();
        int pad = model.vocabulary().id(SpecialToken.PAD);
        int tag = layout.taskTags().contains(TextTask.TAG) ? layout.tagId(TextTask.TAG) : -1;
        int prefix = tag < 0 ? 0 : 1;
        List<int[]> encoded = new ArrayList<>();
        for (String p : passages) {
            int[] text = model.vocabulary().encodeText(p);
            int n = Math.min(text.length, Math.min(TextTask.MAX_IDS, model.transformer().config().context() - prefix));
            int[] ids = new int[prefix + n];
            System.arraycopy(text, 0, ids, prefix, n);
            if (tag >= 0) {
                ids[0] = tag;
            }
            if (ids.length >= 2) {
                encoded.add(ids);
            }
        }
        if (encoded.isEmpty()) {
            throw new IllegalArgumentException("no passage of at least two text ids to score");
        }
        double nll = 0;
        long count = 0;
        for (int b = 0; b < encoded.size(); b += BATCH) {
            List<int[]> batch = encoded.subList(b, Math.min(encoded.size(), b + BATCH));
            int t = batch.stream().mapToInt(a -> a.length).max().orElseThrow();
            int[] in = new int[batch.size() * t];
            int[] target = new int[batch.size() * (t - 1)];
            float[] mask = new float[batch.size() * (t - 1)];
            java.util.Arrays.fill(in, pad);
            for (int i = 0; i < batch.size(); i++) {
                int[] ids = batch.get(i);
                System.arraycopy(ids, 0, in, i * t, ids.length);
                for (int j = 0; j + 1 < ids.length; j++) {
                    target[i * (t - 1) + j] = ids[j + 1] - from;
                    mask[i * (t - 1) + j] = 1;
                }
            }
            try (NDManager m = TesseraRuntime.newManager()) {
                NDArray logits = model.transformer().forward(m, m.create(in, new Shape(batch.size(), t)));
                NDArray text = logits.get(new NDIndex(":, :-1, {}:{}", from, to));
                NDArray tokenNll = SequenceLoss.tokenNll(text, m.create(target, new Shape(batch.size(), t - 1)));
                NDArray weights = m.create(mask, new Shape(batch.size(), t - 1));
                nll += tokenNll.mul(weights).sum().getFloat();
            }
            for (float v : mask) {
                count += (long) v;
            }
        }
        return Math.exp(nll / count);
    }
}
