package dev.tessera.engine.task;

import dev.tessera.engine.vocab.TokenKind;
import dev.tessera.engine.vocab.VocabularyLayout;

import java.util.List;

/**
 * Examples padded into one teacher-forcing batch: inputs are ids[0..n-2], targets ids[1..n-1],
 * and the loss masks select the target part only, split into text and image targets so the
 * two NLLs can be reported apart; {@code tasks} names each row's task, so each task's loss can
 * be too. Arrays are row-major (B, T).
 */
public record TaskBatch(int batch, int length, long[] inputs, long[] targets, float[] textMask, float[] imageMask,
                        List<String> tasks) {

    /** Pads with {@code <pad>} (never a target) to the longest example. */
    public static TaskBatch of(List<TaskExample> examples, VocabularyLayout layout, int pad) {
        int b = examples.size();
        int t = examples.stream().mapToInt(TaskExample::length).max().orElseThrow() - 1;
        long[] in = new long[b * t];
        long[] out = new long[b * t];
        float[] text = new float[b * t];
        float[] image = new float[b * t];
        java.util.Arrays.fill(in, pad);
        java.util.Arrays.fill(out, pad);
        for (int i = 0; i < b; i++) {
            TaskExample e = examples.get(i);
            int[] ids = e.ids();
            for (int j = 0; j + 1 < ids.length; j++) {
                in[i * t + j] = ids[j];
                out[i * t + j] = ids[j + 1];
                if (j + 1 >= e.targetStart()) {
                    boolean isImage = layout.kind(ids[j + 1]) == TokenKind.IMAGE;
                    (isImage ? image : text)[i * t + j] = 1f;
                }
            }
        }
        return new TaskBatch(b, t, in, out, text, image, examples.stream().map(TaskExample::task).toList());
    }

    /** Target ids counted by the loss. */
    public int targetCount() {
        double n = 0;
        for (float m : targetMask()) {
            n += m;
        }
        return (int) n;
    }

    /** True when some position of {@code mask} (the text or the image mask) is a target. */
    public static boolean any(float[] mask) {
        for (float m : mask) {
            if (m != 0) {
                return true;
            }
        }
        return false;
    }

    /** 1 where the loss counts the target (text or image), else 0; row-major (B, T). */
    public float[] targetMask() {
        float[] m = new float[textMask.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = textMask[i] + imageMask[i];
        }
        return m;
    }
}
