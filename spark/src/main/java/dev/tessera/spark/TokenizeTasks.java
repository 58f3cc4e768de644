package dev.tessera.spark;

import dev.tessera.engine.corpus.CorpusItem;
import dev.tessera.engine.corpus.CorpusTokenizer;
import dev.tessera.engine.corpus.TokenizedImage;
import dev.tessera.engine.corpus.TokenizerRef;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * What each Spark task runs: batches of corpus items through the executor's tokenizer
 * ({@link ExecutorTokenizers}), one shard row per item, counted in the job's accumulators as
 * each batch finishes. Each file is read, decoded and scaled before the next is read, so a task
 * holds one file's bytes and one batch of small pictures, never a batch of large files; rows are
 * produced batch by batch, never a whole partition at once.
 */
final class TokenizeTasks implements Serializable {

    private final TokenizerRef tokenizer;
    private final String checkpoint;
    private final boolean psnr;
    private final int batch;
    private final int side;
    private final LongAccumulator done;
    private final LongAccumulator errors;

    TokenizeTasks(TokenizerRef tokenizer, String checkpoint, boolean psnr, int batch, int side, LongAccumulator done,
                  LongAccumulator errors) {
        this.tokenizer = tokenizer;
        this.side = side;
        this.checkpoint = checkpoint;
        this.psnr = psnr;
        this.batch = batch;
        this.done = done;
        this.errors = errors;
    }

    /** A partition of file batches (each element one batch of paths, the batches of the single-JVM run). */
    FlatMapFunction<Iterator<List<String>>, Row> files() {
        return batches -> rows(new Iterator<>() {
            private final Configuration conf = new Configuration();

            @Override
            public boolean hasNext() {
                return batches.hasNext();
            }

            @Override
            public List<CorpusTokenizer.Prepared> next() {
                // one file's bytes at a time: each is decoded and scaled before the next is read
                List<CorpusTokenizer.Prepared> items = new ArrayList<>();
                for (String file : batches.next()) {
                    items.add(CorpusTokenizer.prepare(CorpusFiles.read(file, conf, null), side));
                }
                return items;
            }
        });
    }

    /** A partition of table rows ({@code source, content, caption}), cut into batches here. */
    FlatMapFunction<Iterator<Row>, Row> table() {
        return rows -> rows(new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public List<CorpusTokenizer.Prepared> next() {
                List<CorpusTokenizer.Prepared> items = new ArrayList<>();
                while (rows.hasNext() && items.size() < batch) {
                    Row r = rows.next();
                    String source = r.isNullAt(0) ? "(row without a source)" : r.getString(0);
                    String caption = r.size() > 2 && !r.isNullAt(2) ? r.getString(2) : null;
                    items.add(CorpusTokenizer.prepare(r.isNullAt(1)
                            ? CorpusItem.unreadable(source, caption, source + " has no image bytes (null content)")
                            : CorpusItem.of(source, (byte[]) r.get(1), caption), side));
                }
                return items;
            }
        });
    }

    private Iterator<Row> rows(Iterator<List<CorpusTokenizer.Prepared>> batches) {
        return new Iterator<>() {
            private Iterator<Row> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && batches.hasNext()) {
                    List<CorpusTokenizer.Prepared> items = batches.next();
                    List<TokenizedImage> out = ExecutorTokenizers.with(tokenizer, checkpoint, psnr, t -> t.tokenizePrepared(items));
                    done.add(out.size());
                    errors.add(out.stream().filter(r -> !r.ok()).count());
                    current = out.stream().map(ShardSchema::row).iterator();
                }
                return current.hasNext();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }
}
