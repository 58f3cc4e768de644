package dev.tessera.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A markdown table of one JMH run, read from its JSON result file ({@code -rf json}): each
 * benchmark's score and error as JMH measured them, a derived rate (GFLOP/s for
 * {@link NearestCodeBench}, images/s for {@link TokenizerBench}), and the nearest-code
 * search's GFLOP/s as a share of the same-shape matmul measured in the same run.
 */
public final class ResultsTable {

    /** One JMH result: time per operation with its 99.9% confidence half-width. */
    record Row(String benchmark, Map<String, String> params, double score, double error, String unit) {

        String method() {
            return benchmark.substring(benchmark.lastIndexOf('.') + 1);
        }

        String owner() {
            String cls = benchmark.substring(0, benchmark.lastIndexOf('.'));
            return cls.substring(cls.lastIndexOf('.') + 1);
        }

        long param(String name) {
            return Long.parseLong(Objects.requireNonNull(params.get(name), () -> benchmark + " has no param " + name));
        }

        /** Seconds per operation. */
        double seconds() {
            return score * secondsPerUnit(unit);
        }

        /** The rate this row is quoted in, e.g. "GFLOP/s", or null. */
        String rateUnit() {
            return switch (owner()) {
                case "NearestCodeBench" -> "GFLOP/s";
                case "TokenizerBench" -> "images/s";
                case "TokenizerTrainingBench" -> "steps/s";
                default -> null;
            };
        }

        /** Work per operation in {@link #rateUnit()} units: 2NKD/1e9 flops, or images in the batch. */
        double workPerOp() {
            return switch (owner()) {
                case "NearestCodeBench" -> 2.0 * param("n") * param("k") * param("d") / 1e9;
                case "TokenizerBench" -> param("batch");
                case "TokenizerTrainingBench" -> TokenizerTrainingBench.STEPS;
                default -> Double.NaN;
            };
        }

        double rate() {
            return workPerOp() / seconds();
        }

        String describeParams() {
            StringBuilder s = new StringBuilder();
            params.forEach((k, v) -> s.append(s.length() == 0 ? "" : " ").append(k).append('=').append(v));
            return s.toString();
        }
    }

    private final List<Row> rows;

    ResultsTable(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    /** Reads a JMH JSON result file. */
    public static ResultsTable fromJson(Path json) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (JsonNode r : new ObjectMapper().readTree(json.toFile())) {
            Map<String, String> params = new LinkedHashMap<>();
            r.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
            JsonNode m = r.path("primaryMetric");
            rows.add(new Row(r.path("benchmark").asText(), params, m.path("score").asDouble(),
                    m.path("scoreError").asDouble(Double.NaN), m.path("scoreUnit").asText()));
        }
        return new ResultsTable(rows);
    }

    /**
     * The table under a bulleted header ({@code context}: machine, load, sources) and the
     * engine thread counts measured, with the search/matmul ratios below it.
     */
    public String markdown(List<String> context) {
        StringBuilder s = new StringBuilder("# Tessera benchmarks\n\n");
        context.forEach(line -> s.append("- ").append(line).append('\n'));
        s.append("- engine threads (TESSERA_THREADS, `-p threads=`): ").append(distinct("threads")).append("\n\n");
        s.append("| Benchmark | Params | Score | Error | Unit | Rate |\n");
        s.append("|---|---|---:|---:|---|---:|\n");
        for (Row r : rows) {
            s.append("| ").append(r.owner()).append('.').append(r.method())
                    .append(" | ").append(r.describeParams())
                    .append(" | ").append(fmt(r.score())).append(" | ± ").append(fmt(r.error()))
                    .append(" | ").append(r.unit())
                    .append(" | ").append(r.rateUnit() == null ? "" : fmt(r.rate()) + " " + r.rateUnit())
                    .append(" |\n");
        }
        List<String> ratios = ratios();
        if (!ratios.isEmpty()) {
            s.append("\nNearest-code search vs the same-shape matmul, same run:\n\n");
            ratios.forEach(line -> s.append("- ").append(line).append('\n'));
        }
        return s.toString();
    }

    /** "nearest X GFLOP/s = P% of matmul Y GFLOP/s" for each parameter set measured both ways. */
    List<String> ratios() {
        List<String> out = new ArrayList<>();
        for (Row search : rows) {
            if (!search.owner().equals("NearestCodeBench") || !search.method().equals("nearest")) {
                continue;
            }
            for (Row ref : rows) {
                if (ref.owner().equals("NearestCodeBench") && ref.method().equals("matmul")
                        && ref.params().equals(search.params())) {
                    out.add(String.format(Locale.ROOT, "%s: nearest %.1f GFLOP/s = %.0f%% of matmul %.1f GFLOP/s",
                            search.describeParams(), search.rate(), 100 * search.rate() / ref.rate(), ref.rate()));
                }
            }
        }
        return out;
    }

    private String distinct(String param) {
        TreeSet<String> values = new TreeSet<>();
        rows.forEach(r -> values.add(r.params().getOrDefault(param, "?")));
        return String.join(", ", values);
    }

    private static double secondsPerUnit(String unit) {
        return switch (unit) {
            case "s/op" -> 1;
            case "ms/op" -> 1e-3;
            case "us/op" -> 1e-6;
            case "ns/op" -> 1e-9;
            default -> throw new IllegalArgumentException("unit must be one of s/op, ms/op, us/op, ns/op "
                    + "(average-time mode); got " + unit);
        };
    }

    private static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.1f" : Math.abs(v) >= 1 ? "%.2f" : "%.3f", v);
    }
}
