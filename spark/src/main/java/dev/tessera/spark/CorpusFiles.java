package dev.tessera.spark;

import dev.tessera.engine.corpus.CorpusItem;
import dev.tessera.engine.io.ImageFileException;
import dev.tessera.engine.io.ImageFiles;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The files of a corpus, through Hadoop's file systems (local paths, {@code file:}, {@code hdfs:},
 * or any other scheme on the classpath): folders are walked recursively, globs expanded
 * ({@code /data/photos/*.jpg}, {@code /data/{a,b}}), and every file is listed, whatever its name
 * says: a file that is not an image gets an error row in the shards, so nothing disappears
 * silently. Names starting with '.' or '_' (hidden files, {@code _SUCCESS}) are left out, as
 * Spark's own readers do. The list is sorted, so chunks and batches are the same in every run.
 */
public final class CorpusFiles {

    private CorpusFiles() {
    }

    /** Every file under {@code inputs}, sorted by path; an input that matches nothing is an error. */
    public static List<String> list(List<String> inputs, Configuration conf) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("name at least one input: a folder, a file or a glob such as /data/photos/*.jpg");
        }
        TreeSet<String> files = new TreeSet<>();
        for (String input : inputs) {
            try {
                Path pattern = new Path(input);
                FileSystem fs = pattern.getFileSystem(conf);
                FileStatus[] matches = fs.globStatus(pattern);
                if (matches == null || matches.length == 0) {
                    throw new IllegalArgumentException("input " + input + " matches no file or folder; check the path"
                            + " (relative paths start at the folder the job was started in)");
                }
                for (FileStatus m : matches) {
                    if (m.isDirectory()) {
                        RemoteIterator<LocatedFileStatus> it = fs.listFiles(m.getPath(), true);
                        while (it.hasNext()) {
                            LocatedFileStatus f = it.next();
                            if (visible(m.getPath(), f.getPath())) {
                                files.add(name(f.getPath(), conf));
                            }
                        }
                    } else {
                        files.add(name(m.getPath(), conf));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + input + ": " + e.getMessage(), e);
            }
        }
        return new ArrayList<>(files);
    }

    /**
     * The bytes of {@code file}, or the reason they cannot be used: a file over
     * {@link ImageFiles#MAX_BYTES} is refused from its length, before anything is read.
     */
    public static CorpusItem read(String file, Configuration conf, String caption) {
        try {
            Path p = new Path(file);
            FileSystem fs = p.getFileSystem(conf);
            long length = fs.getFileStatus(p).getLen();
            ImageFiles.checkSize(file, length);
            byte[] content = new byte[(int) length];
            try (FSDataInputStream in = fs.open(p)) {
                in.readFully(0, content);
            }
            return CorpusItem.of(file, content, caption);
        } catch (ImageFileException e) {
            return CorpusItem.unreadable(file, caption, e.getMessage());
        } catch (IOException e) {
            return CorpusItem.unreadable(file, caption, "cannot read " + file + " (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); check that every worker can read it");
        }
    }

    /**
     * A local file's plain path when the default file system is the local one (so shards name
     * files as a user wrote them), the full URI otherwise (on a cluster whose default is HDFS, a
     * bare path would point into HDFS).
     */
    private static String name(Path p, Configuration conf) {
        boolean localDefault = "file".equals(FileSystem.getDefaultUri(conf).getScheme());
        return localDefault && "file".equals(p.toUri().getScheme()) ? p.toUri().getPath() : p.toString();
    }

    /**
     * False when a name below {@code root} starts with '.' or '_': hidden files, and Spark's
     * {@code _SUCCESS} and {@code _temporary} (what shard readers must skip too).
     */
    static boolean visible(Path root, Path file) {
        for (Path p = file; p != null && !p.equals(root); p = p.getParent()) {
            String n = p.getName();
            if (n.startsWith(".") || n.startsWith("_")) {
                return false;
            }
        }
        return true;
    }
}
