package dev.tessera.spark;

import dev.tessera.engine.task.SceneItem;
import dev.tessera.engine.task.TrainingItems;
import dev.tessera.engine.tokenize.TokenGrid;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Captioned token shards on disk as training items for the unified model: read row by row from
 * the Parquet files (sorted by path, rows in the order the job wrote them), one file open at a
 * time, never the whole corpus in memory. Error rows are skipped. Every row must come from one
 * tokenizer checkpoint, the one the model reads (its SHA-256 is checked), with a caption.
 * Positions wrap around at the end (the next epoch); a request that does not continue where the
 * last one ended (a resumed run) reopens the shards and skips to its position.
 */
public final class ShardItems implements TrainingItems, AutoCloseable {

    private final String folder;
    private final List<Path> files;
    private final Configuration conf;
    private final String checkpoint;
    private final int codebookSize;
    private final long size;
    private ParquetReader<Group> reader;
    private int file;
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
        this.files = parquetFiles(folder, conf);
        long n = 0;
        reopen();
        for (Group g = next(); g != null; g = next()) {
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
            Group g = next();
            if (g == null) {
                reopen();
                continue;
            }
            out.add(item(g));
            position = (position + 1) % size;
        }
        return out;
    }

    private SceneItem item(Group g) {
        String source = g.getString("source", 0);
        if (g.getFieldRepetitionCount("caption") == 0) {
            throw new IllegalArgumentException(source + " in " + folder + " has no caption; train from shards of a captioned"
                    + " table (./tessera spark scenes, then tokenize --table)");
        }
        int grid = g.getInteger("grid", 0);
        int levels = g.getInteger("levels", 0);
        Group list = g.getGroup("ids", 0);
        int n = list.getFieldRepetitionCount(0);
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = list.getGroup(0, i).getInteger(0, 0);
        }
        return SceneItem.captioned(new TokenGrid(grid, grid, levels, ids, codebookSize), g.getString("caption", 0));
    }

    /** The next row without error, checked; null at the end of the last file. */
    private Group next() {
        try {
            while (true) {
                Group g = reader == null ? null : reader.read();
                if (g == null) {
                    if (reader != null) {
                        reader.close();
                        reader = null;
                    }
                    if (++file >= files.size()) {
                        return null;
                    }
                    reader = open(files.get(file));
                    continue;
                }
                if (g.getFieldRepetitionCount("error") > 0) {
                    continue;
                }
                String rowCheckpoint = g.getString("checkpoint", 0);
                if (!rowCheckpoint.equals(checkpoint)) {
                    throw new IllegalArgumentException(g.getString("source", 0) + " in " + folder + " was tokenized by "
                            + g.getString("tokenizer", 0) + " (weights " + rowCheckpoint.substring(0, 12) + "...), not by the"
                            + " model's image tokenizer (weights " + checkpoint.substring(0, 12) + "...); tokenize the corpus"
                            + " again with the model's tokenizer");
                }
                return g;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shards in " + folder + ": " + e.getMessage(), e);
        }
    }

    private void reopen() {
        close();
        file = 0;
        position = 0;
        reader = open(files.get(0));
    }

    private ParquetReader<Group> open(Path p) {
        try {
            return ParquetReader.builder(new GroupReadSupport(), p).withConf(conf).build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open shard " + p + ": " + e.getMessage(), e);
        }
    }

    static List<Path> parquetFiles(String folder, Configuration conf) {
        try {
            Path root = new Path(folder);
            FileSystem fs = root.getFileSystem(conf);
            if (!fs.exists(root)) {
                throw new IllegalArgumentException("no token shards at " + folder + "; tokenize a corpus into it first (./tessera spark tokenize)");
            }
            List<Path> out = new ArrayList<>();
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
            while (it.hasNext()) {
                Path p = it.next().getPath();
                if (p.getName().endsWith(".parquet") && !p.getName().startsWith(".") && !p.getName().startsWith("_")) {
                    out.add(p);
                }
            }
            out.sort((a, b) -> a.toString().compareTo(b.toString()));
            if (out.isEmpty()) {
                throw new IllegalArgumentException(folder + " holds no Parquet shard; tokenize a corpus into it first (./tessera spark tokenize)");
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the shards in " + folder + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            reader = null;
        }
    }
}
