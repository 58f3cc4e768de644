package dev.tessera.render;

import jetbrains.datalore.plot.PlotSvgExport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Lets-Plot chart built as a raw plot spec (the map the Python and Kotlin APIs produce) and
 * exported as a self-contained static SVG: no JavaScript, nothing loaded from the network,
 * so charts show in offline notebooks and exported HTML. The one class that knows Lets-Plot.
 *
 * <pre>{@code
 * String svg = Chart.of(Map.of("step", steps, "loss", losses))
 *         .map("x", "step").map("y", "loss")
 *         .layer("line", Map.of())
 *         .axisTitles("step", "loss").title("training loss").size(640, 300)
 *         .svg();
 * }</pre>
 */
final class Chart {

    private final Map<String, List<?>> data;
    private final Map<String, Object> mapping = new LinkedHashMap<>();
    private final List<Map<String, Object>> layers = new ArrayList<>();
    private final Map<String, Map<String, Object>> scales = new LinkedHashMap<>();
    private final Map<String, Object> options = new LinkedHashMap<>();

    private Chart(Map<String, ? extends List<?>> data) {
        this.data = new LinkedHashMap<>(data);
    }

    /** A chart of columns of equal length, named by their keys. */
    static Chart of(Map<String, ? extends List<?>> columns) {
        int rows = -1;
        for (Map.Entry<String, ? extends List<?>> c : columns.entrySet()) {
            if (rows >= 0 && c.getValue().size() != rows) {
                throw new IllegalArgumentException("chart columns differ in length: '" + c.getKey() + "' has "
                        + c.getValue().size() + " values, the others " + rows);
            }
            rows = c.getValue().size();
        }
        return new Chart(columns);
    }

    /** Maps aesthetic {@code aes} ("x", "y", "fill", "color", ...) to a column, for every layer. */
    Chart map(String aes, String column) {
        if (!data.containsKey(column)) {
            throw new IllegalArgumentException("no column '" + column + "'; columns are " + data.keySet());
        }
        mapping.put(aes, column);
        return this;
    }

    /**
     * Adds a layer of {@code geom} ("bar", "line", "point", "hline", ...) with raw layer options
     * (e.g. "stat", "mapping", "data", "color", "linetype"). Sampling is off unless given: a
     * chart here shows every value, never a silently thinned subset.
     */
    Chart layer(String geom, Map<String, Object> layerOptions) {
        Map<String, Object> layer = new LinkedHashMap<>();
        layer.put("geom", geom);
        layer.put("sampling", "none");
        layer.putAll(layerOptions);
        layers.add(layer);
        return this;
    }

    /**
     * A dotted horizontal rule in {@code colour} at height {@code y}, outside the legend, with
     * {@code label} written just above it, ending at x = {@code labelX} (right-aligned, so it can sit
     * at the right end of a chart whose curves start high on the left). Like
     * {@link #verticalRules}, its layers bring their own data.
     */
    Chart horizontalRule(double y, String label, double labelX, String colour) {
        layer("hline", Map.of("data", Map.of("rule_y", List.of(y)), "mapping", Map.of("yintercept", "rule_y"),
                "color", colour, "linetype", "dotted", "show_legend", false));
        return layer("text", Map.of("data", Map.of("rule_x", List.of(labelX), "rule_y", List.of(y), "rule_label", List.of(label)),
                "mapping", Map.of("x", "rule_x", "y", "rule_y", "label", "rule_label"),
                "hjust", "right", "vjust", "bottom", "size", 6, "color", colour, "show_legend", false));
    }

    /**
     * Dotted vertical rules in {@code colour} at the x values {@code at}, outside the legend, each
     * labelled with its entry of {@code labels} written up along its right side and ending at
     * height {@code labelY} (upright labels of close rules would overlap). The two layers bring
     * their own data, in columns the chart's own data does not have, so the chart's mapping does
     * not reach them.
     */
    Chart verticalRules(List<? extends Number> at, List<String> labels, double labelY, String colour) {
        if (at.size() != labels.size()) {
            throw new IllegalArgumentException(at.size() + " rules but " + labels.size() + " labels");
        }
        if (at.isEmpty()) {
            return this;
        }
        List<Double> y = Collections.nCopies(at.size(), labelY);
        layer("vline", Map.of("data", Map.of("rule_x", at), "mapping", Map.of("xintercept", "rule_x"),
                "color", colour, "linetype", "dotted", "show_legend", false));
        return layer("text", Map.of("data", Map.of("rule_x", at, "rule_y", y, "rule_label", labels),
                "mapping", Map.of("x", "rule_x", "y", "rule_y", "label", "rule_label"),
                "angle", 90, "hjust", "right", "vjust", "top", "size", 6, "color", colour,
                "show_legend", false));
    }

    /** Options of the scale of {@code aes} (merged with earlier ones), e.g. "name", "values", "breaks". */
    Chart scale(String aes, Map<String, Object> scaleOptions) {
        scales.computeIfAbsent(aes, a -> new LinkedHashMap<>(Map.of("aesthetic", a))).putAll(scaleOptions);
        return this;
    }

    /** Fixed colours ("#rrggbb") for the values of a discrete aesthetic, in order of appearance. */
    Chart colours(String aes, List<String> hex) {
        return scale(aes, Map.of("values", hex));
    }

    Chart axisTitles(String x, String y) {
        return scale("x", Map.of("name", x)).scale("y", Map.of("name", y));
    }

    /** One row of panels per value of {@code column}, each with its own y range. */
    Chart facetRows(String column) {
        options.put("facet", Map.of("name", "grid", "y", column, "scales", "free_y"));
        return this;
    }

    Chart title(String text) {
        options.put("ggtitle", Map.of("text", text));
        return this;
    }

    /** A title with a smaller second line under it. */
    Chart title(String text, String subtitle) {
        options.put("ggtitle", Map.of("text", text, "subtitle", subtitle));
        return this;
    }

    /** Theme options, e.g. {@code "legend_position": "top"}. */
    Chart theme(Map<String, Object> themeOptions) {
        options.put("theme", new LinkedHashMap<>(themeOptions));
        return this;
    }

    /** Size of the SVG in pixels. */
    Chart size(int width, int height) {
        options.put("ggsize", Map.of("width", width, "height", height));
        return this;
    }

    /** The raw Lets-Plot spec. */
    Map<String, Object> spec() {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("kind", "plot");
        spec.put("data", data);
        spec.put("mapping", mapping);
        spec.put("layers", layers);
        spec.put("scales", new ArrayList<>(scales.values()));
        spec.putAll(options);
        return spec;
    }

    /** The chart as one {@code <svg>} element with its style inline. */
    String svg() {
        return svg(spec());
    }

    /** Any raw Lets-Plot spec as SVG (copied first: Lets-Plot may rewrite the maps it is given). */
    @SuppressWarnings("unchecked")
    static String svg(Map<String, Object> rawSpec) {
        return PlotSvgExport.INSTANCE.buildSvgImageFromRawSpecs((Map<String, Object>) mutableCopy(rawSpec), null);
    }

    private static Object mutableCopy(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(k, mutableCopy(v)));
            return copy;
        }
        if (o instanceof List<?> l) {
            List<Object> copy = new ArrayList<>(l.size());
            l.forEach(v -> copy.add(mutableCopy(v)));
            return copy;
        }
        return o;
    }
}
