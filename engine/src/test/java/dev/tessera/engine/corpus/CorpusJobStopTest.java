package dev.tessera.engine.corpus;

import dev.tessera.engine.train.TrainingStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stop while the child is writing ends the run as stopped, every time. The child here stands
 * in for the Spark job: a JVM that writes progress lines without pause, so the stop always lands
 * while the parent reads. Stopping it with {@code Process.destroy} closed the output under the
 * reading thread and failed the run with "Stream closed" (a red CI of CorpusMagicIT).
 */
class CorpusJobStopTest {

    private static final String CHATTER = """
            public class Chatter {
                public static void main(String[] args) {
                    for (long i = 0; ; i++) {
                        System.out.println("tessera-progress " + i + " 100000000 0 0.5");
                    }
                }
            }
            """;

    @TempDir
    Path home;

    @AfterEach
    void forgetHome() {
        System.clearProperty(CorpusJob.HOME_PROPERTY);
    }

    /** A folder laid out like spark/target, whose tessera-spark.jar is {@link #CHATTER}. */
    private void chattyHome() throws Exception {
        Path src = Files.writeString(home.resolve("Chatter.java"), CHATTER);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("a JDK compiler (tests run on a JDK)").isNotNull();
        assertThat(javac.run(null, null, null, "-d", home.toString(), src.toString())).isZero();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Chatter");
        try (OutputStream out = Files.newOutputStream(home.resolve("tessera-spark.jar"));
             JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.putNextEntry(new JarEntry("Chatter.class"));
            jar.write(Files.readAllBytes(home.resolve("Chatter.class")));
            jar.closeEntry();
        }
        Files.writeString(home.resolve("jvm.options"), "-Xshare:auto\n");
        System.setProperty(CorpusJob.HOME_PROPERTY, home.toString());
    }

    @Test
    void aStopWhileTheChildWritesEndsTheRunAsStoppedEveryTime() throws Exception {
        chattyHome();
        long before = ProcessHandle.current().children().filter(ProcessHandle::isAlive).count();
        for (int round = 0; round < 5; round++) {
            TrainingStop stop = new TrainingStop();
            AtomicInteger seen = new AtomicInteger();
            CorpusRun run = new CorpusRun(List.of(home.toString()), home.resolve("out-" + round), CorpusRun.DEFAULT_TOKENIZER,
                    "local[1]", false, false);
            CorpusTokenizeResult r = CorpusJob.tokenize(run, p -> {
                if (seen.incrementAndGet() == 2000) {
                    stop.request();
                }
            }, stop);
            assertThat(r.interrupted()).as("round %d", round).isTrue();
            assertThat(r.files()).as("the last progress report's count").isGreaterThanOrEqualTo(1999);
            assertThat(seen.get()).isGreaterThanOrEqualTo(2000);
        }
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive).count()).as("children left").isEqualTo(before);
    }
}
