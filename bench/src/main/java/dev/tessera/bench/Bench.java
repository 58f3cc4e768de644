package dev.tessera.bench;

import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs the benchmarks and writes the results table: {@code ./tools/bench [JMH options]}.
 *
 * <p>Every argument is a JMH option (e.g. {@code NearestCodeBench}, {@code -p threads=1,2},
 * {@code -p batch=1}, {@code -f 1 -i 3}). JMH's JSON goes to {@code -Dbench.json}
 * (default {@code bench/target/jmh-result.json}) and the markdown table is printed and
 * written to {@code -Dbench.out} (default {@code bench/results/latest.md}), headed by
 * {@code -Dbench.source} (the commit measured; {@code tools/bench} sets it). With
 * {@code --table FILE.json} it only renders an earlier run's JSON.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(System.getProperty("bench.out", "bench/results/latest.md"));
        Path json = Path.of(System.getProperty("bench.json", "bench/target/jmh-result.json"));
        String loadAtStart = Machine.loadAverage();
        if (args.length == 2 && args[0].equals("--table")) {
            json = Path.of(args[1]);
            loadAtStart = "unknown (table re-rendered from JSON)";
        } else {
            CommandLineOptions cli = new CommandLineOptions(args);
            if (cli.shouldHelp()) {
                cli.showHelp();
                return;
            }
            Options options = new OptionsBuilder().parent(cli)
                    .resultFormat(ResultFormatType.JSON).result(json.toString()).build();
            if (cli.shouldList()) {
                new Runner(options).list();
                return;
            }
            Files.createDirectories(json.toAbsolutePath().getParent());
            new Runner(options).run();
        }
        String source = System.getProperty("bench.source", "unknown");
        String table = ResultsTable.fromJson(json).markdown(Machine.current(), loadAtStart, source);
        System.out.println();
        System.out.print(table);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, table);
        System.out.println("\nwritten to " + out);
    }
}
