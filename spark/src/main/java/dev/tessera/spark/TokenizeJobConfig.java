package dev.tessera.spark;

import dev.tessera.engine.corpus.CorpusTokenizer;
import dev.tessera.engine.corpus.TokenizerRef;

import java.io.Serializable;
import java.util.List;

/**
 * One corpus tokenization on Spark.
 *
 * @param inputs     folders (walked recursively), files or globs; or Parquet tables when {@code table} is set
 * @param output     the shards' folder: {@code chunk=NNNNN/part-*.parquet}, {@code codebook-usage.json}, {@code job.json}
 * @param tokenizer  a shipped grid tokenizer ({@code photo-64}, {@code vq-shapes32}, ...) or a checkpoint folder
 * @param master     Spark's master: {@code local[1]}, {@code local[2]}, {@code local[*]}, {@code spark://host:7077}, ...
 * @param batch      files per encode call within a task
 * @param chunkFiles files per chunk: each chunk is one Spark job whose shards commit together, so a
 *                   stopped run keeps every finished chunk and {@code resume} continues from there
 * @param psnr       also decode and measure each image's reconstruction
 * @param resume     continue into an output folder that holds finished chunks of the same inputs
 * @param table      the columns to read when the inputs are Parquet tables, or null for files
 */
public record TokenizeJobConfig(List<String> inputs, String output, TokenizerRef tokenizer, String master, int batch,
                                int chunkFiles, boolean psnr, boolean resume, TableColumns table) implements Serializable {

    /** Files per chunk unless told. */
    public static final int DEFAULT_CHUNK = 2048;

    /**
     * Column names of an input table of image bytes.
     *
     * @param content a binary column with each image file's bytes
     * @param source  a string column naming each image (written as the shard's source)
     * @param caption a string column carried into the shards (it must exist), or null to carry
     *                {@code caption} when the table has one
     */
    public record TableColumns(String content, String source, String caption) implements Serializable {
        /** The columns of Spark's binary-file source and of {@link SceneTable}: {@code content}, {@code path}, and {@code caption} when present. */
        public static TableColumns defaults() {
            return new TableColumns("content", "path", null);
        }
    }

    public TokenizeJobConfig {
        inputs = List.copyOf(inputs);
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("name at least one input: --input a folder, a file, a glob or (with --table) a Parquet table");
        }
        if (output == null || output.isBlank()) {
            throw new IllegalArgumentException("name the output folder of the shards: --output DIR");
        }
        if (tokenizer == null) {
            throw new IllegalArgumentException("name the tokenizer: --tokenizer photo-64 (or another grid tokenizer)");
        }
        if (master == null || master.isBlank()) {
            throw new IllegalArgumentException("name Spark's master: --master local[2] (or spark://host:7077)");
        }
        if (batch < 1 || batch > 4096) {
            throw new IllegalArgumentException("--batch must be in 1..4096, got " + batch);
        }
        if (chunkFiles < 1) {
            throw new IllegalArgumentException("--chunk must be at least 1 file, got " + chunkFiles);
        }
    }

    /** A local run of the files under {@code inputs} with the defaults. */
    public static TokenizeJobConfig local(List<String> inputs, String output, String tokenizer, int cores) {
        return new TokenizeJobConfig(inputs, output, new TokenizerRef(tokenizer), "local[" + cores + "]",
                CorpusTokenizer.DEFAULT_BATCH, DEFAULT_CHUNK, true, false, null);
    }

    public TokenizeJobConfig withMaster(String m) {
        return new TokenizeJobConfig(inputs, output, tokenizer, m, batch, chunkFiles, psnr, resume, table);
    }

    public TokenizeJobConfig withChunk(int files) {
        return new TokenizeJobConfig(inputs, output, tokenizer, master, batch, files, psnr, resume, table);
    }

    public TokenizeJobConfig withResume(boolean r) {
        return new TokenizeJobConfig(inputs, output, tokenizer, master, batch, chunkFiles, psnr, r, table);
    }

    public TokenizeJobConfig withPsnr(boolean p) {
        return new TokenizeJobConfig(inputs, output, tokenizer, master, batch, chunkFiles, p, resume, table);
    }

    public TokenizeJobConfig withTable(TableColumns t) {
        return new TokenizeJobConfig(inputs, output, tokenizer, master, batch, chunkFiles, psnr, resume, t);
    }
}
