package dev.tessera.bench;

import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
        List<String> context = new ArrayList<>();
        context.add("sources: " + System.getProperty("bench.source", "unknown"));
        if (args.length == 2 && args[0].equals("--table")) {
            json = Path.of(args[1]);
            context.add("load: unknown (table re-rendered from " + json + ")");
        } else {
            String loadAtStart = Machine.loadAverage();
            CpuUse before = CpuUse.sample();
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
            CpuUse after = CpuUse.sample();
            context.add("load average (1/5/15 min): " + loadAtStart + " at start, " + Machine.loadAverage() + " at end");
            context.add("other processes' share of the CPU during the run: " + (before == null || after == null
                    ? "unknown" : String.format(Locale.ROOT, "%.0f%%", 100 * before.othersShare(after)))
                    + " (0% = the machine was quiet)");
        }
        context.addAll(0, Machine.current().describe());
        String table = ResultsTable.fromJson(json).markdown(context);
        System.out.println();
        System.out.print(table);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, table);
        System.out.println("\nwritten to " + out);
    }
}
