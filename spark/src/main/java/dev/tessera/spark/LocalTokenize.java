package dev.tessera.spark;

import dev.tessera.engine.corpus.CorpusTokenizer;
import dev.tessera.engine.corpus.TokenizedImage;
import dev.tessera.engine.corpus.TokenizerRef;
import dev.tessera.engine.runtime.TesseraRuntime;
import dev.tessera.engine.tokenize.GridTokenizer;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * The single-JVM path of a corpus, without Spark: the same sorted files, the same batches and the
 * same {@link CorpusTokenizer} as {@link TokenizeJob}, in one thread with libtorch's own threads
 * ({@code TESSERA_THREADS}); rows kept in memory. What the Spark job is measured against.
 */
public final class LocalTokenize {

    private LocalTokenize() {
    }

    /** Tokenizes {@code files} in batches of {@code batch}; the tokenizer is loaded inside, as each Spark task slot loads its own. */
    public static List<TokenizedImage> run(List<String> files, TokenizerRef ref, int batch, boolean psnr, Configuration conf) {
        List<TokenizedImage> rows = new ArrayList<>(files.size());
        try (GridTokenizer t = ref.load()) {
            CorpusTokenizer ct = new CorpusTokenizer(t, ref.checkpointHash(), psnr);
            for (int i = 0; i < files.size(); i += batch) {
                List<CorpusTokenizer.Prepared> items = new ArrayList<>();
                for (String f : files.subList(i, Math.min(files.size(), i + batch))) {
                    items.add(CorpusTokenizer.prepare(CorpusFiles.read(f, conf, null), t.imageSize()));
                }
                rows.addAll(ct.tokenizePrepared(items));
            }
        }
        return rows;
    }

    /** {@code tokenize-local}: the single-JVM run, timed from after the listing. */
    @picocli.CommandLine.Command(name = "tokenize-local", mixinStandardHelpOptions = true,
            description = "Tokenize the files under the inputs in this JVM without Spark (same batches, rows kept in memory) and print the time: the benchmark's reference.")
    static final class Command implements Callable<Integer> {
        @Option(names = "--input", required = true) List<String> inputs;
        @Option(names = "--tokenizer", defaultValue = "photo-64") String tokenizer;
        @Option(names = "--batch", defaultValue = "" + CorpusTokenizer.DEFAULT_BATCH) int batch;
        @Option(names = "--no-psnr") boolean noPsnr;
        @Option(names = "--rows", description = "Also write every row (source, ids, error) to this file, one JSON object a line.")
        java.nio.file.Path rowsFile;

        @Override
        public Integer call() {
            Configuration conf = new Configuration();
            List<String> files = CorpusFiles.list(inputs, conf);
            TesseraRuntime.engine();  // libtorch's start is start-up, as the Spark side's session start is
            long started = System.nanoTime();
            List<TokenizedImage> rows = run(files, new TokenizerRef(tokenizer), batch, !noPsnr, conf);
            double seconds = (System.nanoTime() - started) / 1e9;
            long errors = rows.stream().filter(r -> !r.ok()).count();
            if (rowsFile != null) {
                try (var out = java.nio.file.Files.newBufferedWriter(rowsFile)) {
                    for (TokenizedImage r : rows) {
                        out.write(dev.tessera.engine.io.Json.mapper().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                                .writeValueAsString(java.util.Map.of("source", r.source(),
                                "ids", r.ids(), "error", r.error() == null ? "" : r.error())));
                        out.newLine();
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException("cannot write " + rowsFile + ": " + e.getMessage(), e);
                }
            }
            // one JSON line, as the benchmarks' children print
            System.out.printf(Locale.ROOT, "{\"files\": %d, \"errors\": %d, \"seconds\": %.3f, \"threads\": %d}%n",
                    rows.size(), errors, seconds, TesseraRuntime.settings().threads());
            return 0;
        }
    }
}
