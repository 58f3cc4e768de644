package dev.tessera.engine.reliability;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * Runs a main class of the test classpath in a fresh JVM and returns what it printed: a fresh
 * native library, a fresh heap and fresh garbage-collection timing, which is what a user's next
 * run gets. The child inherits the test's environment with {@code env} applied (a null value
 * removes a variable).
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    public static List<String> run(Class<?> main, Map<String, String> env, int timeoutSeconds, String... args) {
        return run(main, List.of(), env, timeoutSeconds, args);
    }

    /** As {@link #run(Class, Map, int, String...)} with extra JVM flags. */
    public static List<String> run(Class<?> main, List<String> jvmFlags, Map<String, String> env, int timeoutSeconds, String... args) {
        return run(main, jvmFlags, env, timeoutSeconds, false, args);
    }

    /**
     * As {@link #run(Class, Map, int, String...)}, with what the child wrote to its standard error
     * (native libraries' diagnostics included) interleaved with its output.
     */
    public static List<String> runWithErrors(Class<?> main, Map<String, String> env, int timeoutSeconds, String... args) {
        return run(main, List.of(), env, timeoutSeconds, true, args);
    }

    private static List<String> run(Class<?> main, List<String> jvmFlags, Map<String, String> env, int timeoutSeconds,
                                    boolean withErrors, String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx2g"));
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        File errors;
        try {
            errors = File.createTempFile("child-jvm", ".err");
            errors.deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProcessBuilder pb = withErrors ? new ProcessBuilder(command).redirectErrorStream(true)
                : new ProcessBuilder(command).redirectError(errors);
        env.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        try {
            Process p = pb.start();
            List<String> out = new java.util.ArrayList<>();
            Thread reader = new Thread(() -> p.inputReader().lines().forEach(out::add));
            reader.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(main.getSimpleName() + " " + String.join(" ", args) + " did not finish within " + timeoutSeconds + " s");
            }
            reader.join();
            if (p.exitValue() != 0) {
                List<String> err = Files.readAllLines(errors.toPath());
                fail(main.getSimpleName() + " exited with " + p.exitValue() + ":\n" + String.join("\n", out)
                        + "\nits last error lines:\n" + String.join("\n", err.subList(Math.max(0, err.size() - 30), err.size())));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
