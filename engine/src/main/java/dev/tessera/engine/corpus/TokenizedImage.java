package dev.tessera.engine.corpus;

import java.util.Arrays;
import java.util.Objects;

/**
 * One row of a token shard: an image file and its tokens, or the reason it has none. The same
 * record comes out of the single-JVM run and of every Spark task.
 *
 * @param source     where the image came from (a path or URI, as listed)
 * @param width      its width in pixels before it was cropped and scaled, 0 on error
 * @param height     its height in pixels, 0 on error
 * @param tokenizer  the tokenizer's name
 * @param checkpoint SHA-256 of the tokenizer's weights file: two shards compare only when this matches
 * @param grid       positions per side of the token grid
 * @param levels     ids per position (1, or the depth of a residual stack)
 * @param ids        {@code grid * grid * levels} ids, position by position, levels innermost; empty on error
 * @param psnr       reconstruction PSNR in dB of the tokens against the scaled image; NaN when not measured or on error
 * @param caption    a caption carried from the input (scene shards), or null
 * @param error      why the file has no tokens (the message names the problem and the fix), or null
 */
public record TokenizedImage(String source, int width, int height, String tokenizer, String checkpoint, int grid, int levels,
                             int[] ids, double psnr, String caption, String error) {

    public TokenizedImage {
        Objects.requireNonNull(source, "source");
        ids = ids == null ? new int[0] : ids;
        if (error == null && ids.length != grid * grid * levels) {
            throw new IllegalArgumentException(source + ": " + ids.length + " ids for a " + grid + "x" + grid + " grid of "
                    + levels + " levels");
        }
    }

    /** The error row of a file that could not be tokenized. */
    public static TokenizedImage failed(String source, String tokenizer, String checkpoint, String caption, String error) {
        return new TokenizedImage(source, 0, 0, tokenizer, checkpoint, 0, 0, new int[0], Double.NaN, caption,
                Objects.requireNonNull(error, "error"));
    }

    /** True when this row holds tokens. */
    public boolean ok() {
        return error == null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenizedImage t && source.equals(t.source) && width == t.width && height == t.height
                && Objects.equals(tokenizer, t.tokenizer) && Objects.equals(checkpoint, t.checkpoint) && grid == t.grid
                && levels == t.levels && Arrays.equals(ids, t.ids) && Double.compare(psnr, t.psnr) == 0
                && Objects.equals(caption, t.caption) && Objects.equals(error, t.error);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, width, height, tokenizer, checkpoint, grid, levels, Arrays.hashCode(ids), psnr, caption, error);
    }

    @Override
    public String toString() {
        return ok() ? source + " (" + width + "x" + height + "): " + ids.length + " ids" + (Double.isNaN(psnr) ? "" : String.format(", %.2f dB", psnr))
                : source + ": " + error;
    }
}
