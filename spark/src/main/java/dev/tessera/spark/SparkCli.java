package dev.tessera.spark;

import dev.tessera.engine.corpus.CorpusProgress;
import dev.tessera.engine.corpus.CorpusTokenizeResult;
import dev.tessera.engine.corpus.CorpusTokenizer;
import dev.tessera.engine.corpus.TokenizerRef;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code ./tessera spark <command>}: Tessera's Spark jobs from the command line, locally or on a
 * cluster ({@code spark-submit --class dev.tessera.spark.SparkCli}). Bad input prints one line
 * naming the problem and the fix and exits with 2.
 */
@Command(name = "tessera-spark", mixinStandardHelpOptions = true,
        subcommands = {SparkCli.Tokenize.class, LocalTokenize.Command.class, ShardEvaluation.Command.class, SceneTable.Command.class, ShardTraining.Command.class},
        description = "Tokenize image corpora into Parquet token shards on Spark, and train from them.")
public final class SparkCli implements Runnable {

    /** Exit code of a run refused for bad input. */
    public static final int BAD_INPUT = 2;

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static void main(String[] args) {
        int code = new CommandLine(new SparkCli()).setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof IllegalArgumentException || e instanceof IllegalStateException || e instanceof UncheckedIOException
                    || e instanceof org.apache.spark.sql.AnalysisException) {
                cmd.getErr().println("tessera spark " + cmd.getCommandName() + ": " + e.getMessage());
                return BAD_INPUT;
            }
            throw e;
        }).execute(args);
        System.exit(code);
    }

    /** Prints progress: machine-readable lines on standard output, or one line redrawn on standard error. */
    static void report(CorpusProgress p, boolean lines) {
        if (lines) {
            System.out.println(p.line());
            System.out.flush();
        } else {
            System.err.print("\r" + (p.total() < 0 ? p.done() + " files" : p.done() + " / " + p.total() + " files")
                    + String.format(Locale.ROOT, ", %d errors, %.1f files/s   ", p.errors(), p.filesPerSecond()));
        }
    }

    /** {@code tokenize}: see {@link TokenizeJob}. */
    @Command(name = "tokenize", mixinStandardHelpOptions = true,
            description = "Tokenize every file under the inputs into Parquet token shards: one row per file, an error row for a file that is not a usable image.")
    static final class Tokenize implements Callable<Integer> {
        @Option(names = "--input", required = true, description = "A folder (walked recursively), a file or a glob; repeatable. With --table: Parquet tables.")
        List<String> inputs;
        @Option(names = "--output", required = true, description = "The shards' folder (must not exist, unless --resume).")
        String output;
        @Option(names = "--tokenizer", defaultValue = "photo-64", description = "A shipped grid tokenizer or a checkpoint folder (default: ${DEFAULT-VALUE}).")
        String tokenizer;
        @Option(names = "--master", description = "Spark's master (default: what spark-submit set, else local[*]).")
        String master;
        @Option(names = "--batch", defaultValue = "" + CorpusTokenizer.DEFAULT_BATCH, description = "Files per encode call (default: ${DEFAULT-VALUE}).")
        int batch;
        @Option(names = "--chunk", defaultValue = "" + TokenizeJobConfig.DEFAULT_CHUNK, description = "Files per chunk, committed together (default: ${DEFAULT-VALUE}).")
        int chunk;
        @Option(names = "--no-psnr", description = "Skip decoding each image to measure its PSNR (about half the time).")
        boolean noPsnr;
        @Option(names = "--resume", description = "Continue a stopped run into its output folder.")
        boolean resume;
        @Option(names = "--table", description = "The inputs are Parquet tables with image bytes (columns below).")
        boolean table;
        @Option(names = "--content-column", defaultValue = "content", description = "With --table: the image bytes (default: ${DEFAULT-VALUE}).")
        String contentColumn;
        @Option(names = "--source-column", defaultValue = "path", description = "With --table: each image's name (default: ${DEFAULT-VALUE}).")
        String sourceColumn;
        @Option(names = "--caption-column", description = "With --table: a caption column carried into the shards (default: caption, when the table has one).")
        String captionColumn;
        @Option(names = "--progress-lines", description = "Progress as '" + CorpusProgress.PREFIX + " done total errors seconds' lines on standard output (for a parent process).")
        boolean progressLines;

        @Override
        public Integer call() {
            String master = SparkSessions.master(this.master);
            TokenizeJobConfig c = new TokenizeJobConfig(inputs, output, new TokenizerRef(tokenizer), master, batch, chunk, !noPsnr,
                    resume, table ? new TokenizeJobConfig.TableColumns(contentColumn, sourceColumn, captionColumn) : null);
            c.tokenizer().config();  // a wrong tokenizer is refused before Spark starts
            SparkSession spark = SparkSessions.start(master, "tokenize");
            try {
                CorpusTokenizeResult r = TokenizeJob.run(spark, c, p -> report(p, progressLines));
                if (!progressLines) {
                    System.err.println();
                }
                System.out.println(r);
                System.out.println(r.usage());
                if (!Double.isNaN(r.medianPsnr())) {
                    System.out.printf(Locale.ROOT, "median PSNR %.2f dB%n", r.medianPsnr());
                }
                r.errorSamples().forEach(e -> System.out.println("error row: " + e));
                System.out.println("summary: " + output + "/" + TokenizeJob.SUMMARY_FILE);
                return 0;
            } finally {
                spark.stop();
            }
        }
    }
}
