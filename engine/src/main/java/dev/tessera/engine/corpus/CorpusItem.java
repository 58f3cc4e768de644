package dev.tessera.engine.corpus;

import java.util.Objects;

/**
 * One input of a corpus run: the bytes of an image file as read by whoever listed it (a local
 * folder, a Spark task reading a Hadoop file system, a row of a Parquet table), or the reason
 * they could not be read.
 *
 * @param source    where it came from (path or URI)
 * @param content   the file's bytes, or null when {@code readError} says why there are none
 * @param caption   a caption to carry into the shard, or null
 * @param readError why the bytes could not be read, or null
 */
public record CorpusItem(String source, byte[] content, String caption, String readError) {

    public CorpusItem {
        Objects.requireNonNull(source, "source");
        if ((content == null) == (readError == null)) {
            throw new IllegalArgumentException(source + ": give either the content or the read error");
        }
    }

    /** The bytes of {@code source}. */
    public static CorpusItem of(String source, byte[] content, String caption) {
        return new CorpusItem(source, content, caption, null);
    }

    /** A file that could not be read, with the reason. */
    public static CorpusItem unreadable(String source, String caption, String why) {
        return new CorpusItem(source, null, caption, why);
    }
}
