package dev.tessera.spark;

import dev.tessera.engine.corpus.TokenizedImage;
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
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The rows of the token shards under a folder, read from disk one at a time with Parquet's own
 * reader (no Spark session): files sorted by path, rows in the order the job wrote them, one file
 * open at a time. Error rows included ({@link TokenizedImage#ok()} tells them apart). Only
 * finished work is read: a chunk folder without Spark's {@code _SUCCESS} (a stopped run's) and
 * anything below a {@code _} or {@code .} name (Spark's {@code _temporary}) are left out.
 */
public final class ShardRows implements Iterator<TokenizedImage>, AutoCloseable {

    private final String folder;
    private final List<Path> files;
    private final Configuration conf;
    private ParquetReader<Group> reader;
    private int file = -1;
    private TokenizedImage next;

    /** Opens the shards under {@code folder}; a folder without shards is an error naming the fix. */
    public ShardRows(String folder, Configuration conf) {
        this.folder = folder;
        this.conf = conf;
        this.files = parquetFiles(folder, conf);
    }

    /** The folder read. */
    public String folder() {
        return folder;
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = read();
        }
        return next != null;
    }

    @Override
    public TokenizedImage next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        TokenizedImage r = next;
        next = null;
        return r;
    }

    private TokenizedImage read() {
        try {
            while (true) {
                Group g = reader == null ? null : reader.read();
                if (g != null) {
                    return row(g);
                }
                if (reader != null) {
                    reader.close();
                    reader = null;
                }
                if (++file >= files.size()) {
                    return null;
                }
                reader = ParquetReader.builder(new GroupReadSupport(), files.get(file)).withConf(conf).build();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shards in " + folder + ": " + e.getMessage(), e);
        }
    }

    private static TokenizedImage row(Group g) {
        String source = g.getString("source", 0);
        String caption = g.getFieldRepetitionCount("caption") == 0 ? null : g.getString("caption", 0);
        if (g.getFieldRepetitionCount("error") > 0) {
            return TokenizedImage.failed(source, g.getString("tokenizer", 0), g.getString("checkpoint", 0), caption,
                    g.getString("error", 0));
        }
        Group list = g.getGroup("ids", 0);
        int n = list.getFieldRepetitionCount(0);
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = list.getGroup(0, i).getInteger(0, 0);
        }
        double psnr = g.getFieldRepetitionCount("psnr") == 0 ? Double.NaN : g.getDouble("psnr", 0);
        return new TokenizedImage(source, g.getInteger("width", 0), g.getInteger("height", 0), g.getString("tokenizer", 0),
                g.getString("checkpoint", 0), g.getInteger("grid", 0), g.getInteger("levels", 0), ids, psnr, caption, null);
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
                if (p.getName().endsWith(".parquet") && CorpusFiles.visible(root, p) && committed(fs, p.getParent())) {
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

    /** False for a tokenize job's chunk folder that was never committed (no {@code _SUCCESS}: the run stopped in it). */
    private static boolean committed(FileSystem fs, Path folder) throws IOException {
        return !folder.getName().startsWith("chunk=") || fs.exists(new Path(folder, "_SUCCESS"));
    }

    @Override
    public void close() {
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
