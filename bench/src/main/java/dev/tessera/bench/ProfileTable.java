package dev.tessera.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * One profiled workload of both sides as a markdown table: self CPU milliseconds per unit (a
 * step, an image) of every operation above a threshold on either side, largest first, then the
 * sums, the wall time and Tessera's time outside libtorch. Each side is a JSON object with
 * {@code selfMs} and {@code calls} (per unit, by operation name), {@code wallMs} and, for
 * Tessera, {@code topLevelMs} (per unit).
 */
final class ProfileTable {

    private ProfileTable() {
    }

    static String section(String title, String unit, JsonNode tessera, JsonNode pytorch, double minMs) {
        StringBuilder s = new StringBuilder("## ").append(title).append("\n\n");
        s.append(String.format(Locale.ROOT, "Self CPU ms per %s, operations of at least %.2f ms on either side.%n%n", unit,
                minMs));
        s.append("| operation | Tessera ms | calls | PyTorch ms | calls |\n|---|---:|---:|---:|---:|\n");
        JsonNode ts = tessera.path("selfMs");
        JsonNode ps = pytorch.path("selfMs");
        TreeSet<String> names = new TreeSet<>();
        ts.fieldNames().forEachRemaining(names::add);
        ps.fieldNames().forEachRemaining(names::add);
        double tSum = 0;
        double pSum = 0;
        record Row(double size, String line) {
        }
        List<Row> rows = new ArrayList<>();
        for (String n : names) {
            double a = ts.path(n).asDouble(0);
            double b = ps.path(n).asDouble(0);
            tSum += a;
            pSum += b;
            if (a >= minMs || b >= minMs) {
                rows.add(new Row(Math.max(a, b), String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", n, ms(a),
                        count(tessera.path("calls").path(n).asDouble(0)), ms(b), count(pytorch.path("calls").path(n).asDouble(0)))));
            }
        }
        rows.sort(Comparator.comparingDouble(Row::size).reversed());
        rows.forEach(r -> s.append(r.line()));
        s.append(String.format(Locale.ROOT, "| **all operations** | **%s** | | **%s** | |%n%n", ms(tSum), ms(pSum)));
        double wall = tessera.path("wallMs").asDouble();
        s.append(String.format(Locale.ROOT, "- wall time per %s under the profiler: Tessera %s ms, PyTorch %s ms%n", unit,
                ms(wall), ms(pytorch.path("wallMs").asDouble())));
        s.append(String.format(Locale.ROOT, "- Tessera outside libtorch (wall less its top-level operations): %s ms per %s%n%n",
                ms(wall - tessera.path("topLevelMs").asDouble()), unit));
        return s.toString();
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, v >= 10 ? "%.1f" : "%.2f", v);
    }

    private static String count(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
