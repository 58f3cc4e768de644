package dev.tessera.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What libtorch's profiler wrote (a Chrome trace: one complete event, {@code "ph": "X"}, per
 * operation, with its thread, start and duration in microseconds), read back as totals per
 * operation name. An operation's <em>self</em> time is its duration less that of the operations
 * it called, so self times add up to the time spent inside libtorch without counting anything
 * twice; <em>top-level</em> operations are the ones no other encloses: the calls that came from
 * outside libtorch (from Java through DJL).
 */
record ChromeTrace(List<Event> events) {

    /** One operation: name, thread, start and duration (microseconds). */
    record Event(String name, long thread, double start, double duration) {

        double end() {
            return start + duration;
        }
    }

    /** Totals of one operation name: how often it ran, its self time and, for top-level calls, its whole time. */
    record Totals(int calls, double selfMicros, int topLevelCalls, double topLevelMicros) {

        Totals plus(Totals o) {
            return new Totals(calls + o.calls, selfMicros + o.selfMicros, topLevelCalls + o.topLevelCalls,
                    topLevelMicros + o.topLevelMicros);
        }
    }

    /** Something to profile that may throw. */
    interface Work {
        void run() throws Exception;
    }

    /**
     * Runs {@code work} under libtorch's profiler and returns, per unit ({@code units} of them in
     * one run): {@code selfMs} and {@code calls} by operation, {@code wallMs} and {@code topLevelMs}.
     */
    static com.fasterxml.jackson.databind.node.ObjectNode profile(int units, Work work) throws Exception {
        Recording r = Recording.start();
        work.run();
        return r.finish(units);
    }

    /** libtorch's profiler, started now: for work whose measured part starts inside a call (after a first step, say). */
    static final class Recording {

        private final long started = System.nanoTime();

        private Recording() {
            ai.djl.pytorch.jni.JniUtils.startProfile(false, false, false);
        }

        static Recording start() {
            return new Recording();
        }

        /** Stops the profiler; totals per unit as {@link #profile} returns them. */
        com.fasterxml.jackson.databind.node.ObjectNode finish(int units) throws java.io.IOException {
            double wallMs = (System.nanoTime() - started) / 1e6 / units;
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            java.nio.file.Path trace = java.nio.file.Files.createTempFile("tessera-profile", ".json");
            try {
                ai.djl.pytorch.jni.JniUtils.stopProfile(trace.toString());
                var out = json.createObjectNode();
                var self = out.putObject("selfMs");
                var calls = out.putObject("calls");
                double topLevel = 0;
                for (var e : read(json.readTree(trace.toFile())).totals().entrySet()) {
                    self.put(e.getKey(), e.getValue().selfMicros() / 1000 / units);
                    calls.put(e.getKey(), (double) e.getValue().calls() / units);
                    topLevel += e.getValue().topLevelMicros() / 1000 / units;
                }
                out.put("wallMs", wallMs);
                out.put("topLevelMs", topLevel);
                return out;
            } finally {
                java.nio.file.Files.deleteIfExists(trace);
            }
        }
    }

    static ChromeTrace read(JsonNode trace) {
        JsonNode list = trace.has("traceEvents") ? trace.get("traceEvents") : trace;
        List<Event> events = new ArrayList<>();
        list.forEach(e -> {
            if ("X".equals(e.path("ph").asText())) {
                events.add(new Event(e.path("name").asText(), e.path("tid").asLong(), e.path("ts").asDouble(),
                        e.path("dur").asDouble()));
            }
        });
        events.sort(Comparator.comparingLong(Event::thread).thenComparingDouble(Event::start)
                .thenComparingDouble(e -> -e.duration()));
        return new ChromeTrace(events);
    }

    /** Totals per operation name, nesting taken from start and end times on each thread. */
    Map<String, Totals> totals() {
        Map<String, Totals> out = new TreeMap<>();
        Deque<Event> open = new ArrayDeque<>();
        Map<Event, Double> childTime = new java.util.IdentityHashMap<>();
        long thread = Long.MIN_VALUE;
        List<Event> done = new ArrayList<>();
        for (Event e : events) {
            if (e.thread() != thread) {
                thread = e.thread();
                open.clear();
            }
            while (!open.isEmpty() && open.peek().end() <= e.start()) {
                open.pop();
            }
            boolean top = open.isEmpty();
            if (!top) {
                childTime.merge(open.peek(), e.duration(), Double::sum);
            }
            open.push(e);
            done.add(e);
            out.merge(e.name(), new Totals(1, 0, top ? 1 : 0, top ? e.duration() : 0), Totals::plus);
        }
        for (Event e : done) {
            double self = Math.max(0, e.duration() - childTime.getOrDefault(e, 0.0));
            out.merge(e.name(), new Totals(0, self, 0, 0), Totals::plus);
        }
        return out;
    }

    /** How often each operation was called from outside libtorch, by name. */
    Map<String, Integer> topLevelCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        totals().forEach((name, t) -> {
            if (t.topLevelCalls() > 0) {
                counts.put(name, t.topLevelCalls());
            }
        });
        return counts;
    }
}
