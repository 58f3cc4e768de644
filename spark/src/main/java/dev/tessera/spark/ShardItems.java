package dev.tessera.spark;

import dev.tessera.engine.corpus.TokenizedImage;
import dev.tessera.engine.task.SceneItem;
import dev.tessera.engine.task.TrainingItems;
import dev.tessera.engine.tokenize.TokenGrid;
import org.apache.hadoop.conf.Configuration;

import java.util.ArrayList;
import java.util.List;

/**
 * Captioned token shards on disk as training items for the unified model, streamed by
 * {@link ShardRows} (never the whole corpus in memory). Error rows are skipped. Every row must
 * come from one tokenizer checkpoint, the one the model reads (its SHA-256 is checked), with a
 * caption. Positions wrap around at the end (the next epoch); a request that does not continue
 * where the last one ended (a resumed run) reopens the shards and skips to its position.
 */
public final class ShardItems implements TrainingItems, AutoCloseable {

    private final String folder;
    private final Configuration conf;
    private final String checkpoint;
    private final int codebookSize;
    private final long size;
    private ShardRows rows;
    private long position;

    /**
     * Opens the shards under {@code folder}, checking every row against {@code checkpoint} (the
     * model's tokenizer weights) and counting the usable rows.
     */
    public ShardItems(String folder, String checkpoint, int codebookSize, Configuration conf) {
        this.folder = folder;
        this.conf = conf;
        this.checkpoint = checkpoint;
        this.codebookSize = codebookSize;
        long n = 0;
        reopen();
        while (next() != null) {
            n++;
        }
        if (n == 0) {
            throw new IllegalArgumentException(folder + " holds no token rows without error; tokenize a corpus into it first"
                    + " (./tessera spark tokenize)");
        }
        this.size = n;
        reopen();
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public String describe() {
        return size + " captioned images from token shards in " + folder;
    }

    @Override
    public synchronized List<SceneItem> items(long first, int count) {
        long start = Math.floorMod(first, size);
        if (start != position) {
            reopen();
            while (position < start) {
                next();
                position++;
            }
        }
        List<SceneItem> out = new ArrayList<>(count);
        while (out.size() < count) {
            TokenizedImage r = next();
            if (r == null) {
                reopen();
                continue;
            }
            if (r.caption() == null) {
                throw new IllegalArgumentException(r.source() + " in " + folder + " has no caption; train from shards of a"
                        + " captioned table (./tessera spark scenes, then tokenize --table)");
            }
            out.add(SceneItem.captioned(new TokenGrid(r.grid(), r.grid(), r.levels(), r.ids(), codebookSize), r.caption()));
            position = (position + 1) % size;
        }
        return out;
    }

    /** The next row without error, checked; null at the end. */
    private TokenizedImage next() {
        while (rows.hasNext()) {
            TokenizedImage r = rows.next();
            if (!r.ok()) {
                continue;
            }
            if (!r.checkpoint().equals(checkpoint)) {
                throw new IllegalArgumentException(r.source() + " in " + folder + " was tokenized by " + r.tokenizer() + " (weights "
                        + r.checkpoint().substring(0, 12) + "...), not by the model's image tokenizer (weights "
                        + checkpoint.substring(0, 12) + "...); tokenize the corpus again with the model's tokenizer");
            }
            return r;
        }
        return null;
    }

    private void reopen() {
        close();
        rows = new ShardRows(folder, conf);
        position = 0;
    }

    @Override
    public synchronized void close() {
        if (rows != null) {
            rows.close();
            rows = null;
        }
    }
}
