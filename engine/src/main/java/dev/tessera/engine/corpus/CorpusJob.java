package dev.tessera.engine.corpus;

import dev.tessera.engine.io.Json;
import dev.tessera.engine.train.TrainingStop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the Spark tokenize job ({@code dev.tessera.spark.SparkCli tokenize} of the {@code spark/}
 * module) in a child JVM and follows it: its progress lines become {@link CorpusProgress} reports,
 * its summary ({@code job.json}) the {@link CorpusTokenizeResult}. A child JVM, because Spark
 * brings its own Jackson, slf4j 2 and log4j, which must not meet those of the caller (a notebook
 * kernel). The child is found through {@value #HOME_ENV} (or the system property
 * {@value #HOME_PROPERTY}): the folder holding {@code tessera-spark.jar}, its {@code lib/} and
 * {@code jvm.options}, which the build writes to {@code spark/target} and the launcher names.
 *
 * <p>A stop request ends the child; its finished chunks stay on disk and the same run with
 * {@code resume} continues from them.
 */
public final class CorpusJob {

    /** The environment variable naming the Spark module's build folder. */
    public static final String HOME_ENV = "TESSERA_SPARK_HOME";
    /** The system property naming it (wins over the environment). */
    public static final String HOME_PROPERTY = "tessera.spark.home";
    /** The child's heap. */
    static final String HEAP = "-Xmx3g";
    /** How long a stopped child may take to end before it is killed. */
    static final int GRACE_SECONDS = 30;

    private CorpusJob() {
    }

    /** The Spark module's build folder, checked. */
    public static Path home() {
        String where = System.getProperty(HOME_PROPERTY, System.getenv(HOME_ENV));
        String fix = "build it (mvn -B -q install -DskipTests at the project root; ./tessera does) and set " + HOME_ENV
                + " to its spark/target folder (the launcher and the Tessera kernel set it)";
        if (where == null || where.isBlank()) {
            throw new IllegalStateException("corpus tokenization runs Spark in its own JVM from the spark module, and "
                    + HOME_ENV + " is not set; " + fix);
        }
        Path home = Path.of(where);
        if (!Files.isRegularFile(home.resolve("tessera-spark.jar")) || !Files.isRegularFile(home.resolve("jvm.options"))) {
            throw new IllegalStateException(home + " holds no tessera-spark.jar and jvm.options; " + fix);
        }
        return home;
    }

    /** Runs {@code run}, reporting progress, until it ends or {@code stop} is requested. */
    public static CorpusTokenizeResult tokenize(CorpusRun run, Consumer<CorpusProgress> progress, TrainingStop stop) {
        List<String> command = new ArrayList<>(List.of(java(), "@" + home().resolve("jvm.options"), HEAP, "-jar",
                home().resolve("tessera-spark.jar").toString(), "tokenize"));
        command.addAll(run.arguments());
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.putIfAbsent("ONEDNN_MAX_CPU_ISA", "AVX2");  // libtorch's AVX-512 convolutions: see ConvolutionPath
        env.putIfAbsent("TORCH_CPP_LOG_LEVEL", "ERROR");
        Process child;
        try {
            child = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Spark job (" + command.get(0) + "): " + e.getMessage(), e);
        }
        // if this JVM ends (a kernel restarted or killed), the job ends with it
        Thread reaper = new Thread(() -> child.toHandle().destroy(), "tessera-corpus-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
        Deque<String> errors = new ArrayDeque<>();
        Thread stderr = new Thread(() -> keepTail(child, errors), "tessera-corpus-stderr");
        stderr.setDaemon(true);
        stderr.start();
        CorpusProgress[] last = {new CorpusProgress(0, -1, 0, 0)};
        Thread watcher = new Thread(() -> {
            try {
                while (child.isAlive()) {
                    if (stop.requested()) {
                        end(child);
                        return;
                    }
                    Thread.sleep(200);
                }
            } catch (InterruptedException e) {
                end(child);
            }
        }, "tessera-corpus-stop");
        watcher.setDaemon(true);
        watcher.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                CorpusProgress p = CorpusProgress.parse(line);
                if (p != null) {
                    last[0] = p;
                    progress.accept(p);
                }
            }
            int code = child.waitFor();
            stderr.join(2000);
            if (code == 0) {
                return summary(run);
            }
            if (stop.requested()) {
                return stopped(run, last[0]);
            }
            List<String> lines;
            synchronized (errors) {
                lines = new ArrayList<>(errors);
            }
            String tail = String.join("\n", lines);
            String prefix = "tessera spark tokenize: ";
            for (String line : lines) {
                if (line.startsWith(prefix)) {
                    throw new IllegalArgumentException(line.substring(prefix.length()));
                }
            }
            throw new IllegalStateException("the Spark job failed (exit code " + code + "); its last messages:\n" + tail);
        } catch (IOException e) {
            if (stop.requested()) {
                return stopped(run, last[0]);  // the output ended with the child
            }
            throw new UncheckedIOException("lost the Spark job's output: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            child.destroy();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the Spark job ran; it was stopped, and its finished chunks are kept");
        } finally {
            if (child.isAlive()) {
                child.destroy();
                try {
                    child.waitFor(10, TimeUnit.SECONDS);  // gone when this returns
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            try {
                Runtime.getRuntime().removeShutdownHook(reaper);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook runs
            }
        }
    }

    /**
     * Ends the child: SIGTERM, so Spark's shutdown hook ends the job and finished chunks stay
     * committed, then SIGKILL if it has not ended within {@value #GRACE_SECONDS} s. Through the
     * process handle, because {@code Process.destroy} also closes the child's output under the
     * thread reading it, which then fails with "Stream closed" instead of reading to the end.
     */
    static void end(Process child) {
        child.toHandle().destroy();
        try {
            if (!child.waitFor(GRACE_SECONDS, TimeUnit.SECONDS)) {
                child.toHandle().destroyForcibly();
            }
        } catch (InterruptedException e) {
            child.toHandle().destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The summary a finished job wrote. */
    private static CorpusTokenizeResult summary(CorpusRun run) {
        Path file = run.output().resolve("job.json");
        try {
            return Json.mapper().readValue(file.toFile(), CorpusTokenizeResult.class);
        } catch (IOException e) {
            throw new IllegalStateException("the Spark job ended normally but its summary " + file + " cannot be read ("
                    + e.getMessage() + "); its shards are in " + run.output(), e);
        }
    }

    /** What a stopped run finished: its last progress report; the chunks it committed are on disk. */
    private static CorpusTokenizeResult stopped(CorpusRun run, CorpusProgress last) {
        return new CorpusTokenizeResult(run.output().toString(), run.tokenizer(), "", last.done(), last.errors(), last.seconds(),
                run.master(), null, Double.NaN, List.of(), true);
    }

    /** The last 40 lines the child wrote to standard error. */
    private static void keepTail(Process child, Deque<String> tail) {
        try (BufferedReader err = new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = err.readLine(); line != null; line = err.readLine()) {
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > 40) {
                        tail.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // the child ended: what was read is kept
        }
    }

    /** The java command of this JVM, so the child runs on the same JDK. */
    private static String java() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
