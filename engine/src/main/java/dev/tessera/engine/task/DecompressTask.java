package dev.tessera.engine.task;

import dev.tessera.engine.vocab.SpecialToken;

import java.util.SplittableRandom;

/**
 * UniCode's image decompression (arXiv 2403.09072): from an image's compressed per-position
 * embeddings, write its full code sequence. The sequence is
 * {@code <decompress><boi>image<eoi>start<answer>codes<eos>}, the loss on {@code codes<eos>}:
 * <ul>
 *   <li>{@code image} is the image inside a span, which a stacked model ({@code ImageStacking})
 *       reads as one summed embedding per grid position: the compressed input;</li>
 *   <li>{@code codes} are the flat ids (every level of each position, level 0 first) of the
 *       {@code segment} grid positions from {@code start} on, written OUTSIDE any span, so a stacked
 *       model writes them one id per position with its ordinary output head, as it writes text
 *       (inside a span its output is the depth transformer's, one grid position at a time). The flat
 *       target is thus exactly the code sequence a flat model of the same tokenizer reads, and
 *       scored per id;</li>
 *   <li>{@code start} is written as text (the decimal position index): the paper presents the
 *       segments as a multi-turn exchange, but the earlier turns' flat ids do not fit a small model's
 *       context beside the 64 folded positions (64 x 4 ids for rvq4-shapes32), so each example is
 *       one turn, told where it starts. One segment of the whole grid is the full decompression.</li>
 * </ul>
 * For a flat model the input is already the code sequence, so the task is a copy.
 *
 * @param segment grid positions each example writes out (the last segment of a grid may be shorter)
 */
public record DecompressTask(int segment) implements Task {

    /** Its tag: a task tag bound when a stage first trains it. */
    public static final String TAG = "<decompress>";
    public static final String NAME = "decompress";
    /** Positions per example of the registered task: 16 ids of a 4-level image, beside 64 folded ones in a 96-position context. */
    public static final int DEFAULT_SEGMENT = 4;

    public DecompressTask {
        if (segment < 1) {
            throw new IllegalArgumentException("a decompression segment is at least 1 grid position, got " + segment);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String tag() {
        return TAG;
    }

    @Override
    public TaskExample example(TaskSequences sequences, SceneItem item, SplittableRandom rng) {
        int positions = item.grid().size();
        int segments = (positions + segment - 1) / segment;
        int start = rng.nextInt(segments) * segment;
        return sequences.start(this).image(item.grid()).text(Integer.toString(start)).control(SpecialToken.ANSWER)
                .target().imageIds(item.grid(), start, Math.min(positions, start + segment)).control(SpecialToken.EOS)
                .build();
    }
}
