package dev.tessera.magic;

import dev.tessera.engine.corpus.CorpusJob;
import dev.tessera.engine.corpus.CorpusRun;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static dev.tessera.magic.MagicsTest.error;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code %tessera corpus tokenize}: the line becomes one {@link CorpusRun}, bad lines name the
 * problem with the usage. Running it (the Spark job in a child JVM) is tested across modules
 * ({@code tests/}: CorpusMagicIT), where the spark module is built.
 */
class CorpusMagicsTest {

    @Test
    void aLineBecomesOneRunWithItsDefaults() {
        Magic m = MagicParser.parse("corpus tokenize photos/ \"my scans/*.jpg\" --out shards --master local[2] --no-psnr");
        assertThat(m).isInstanceOf(CorpusTokenizeRequest.class);
        CorpusRun run = ((CorpusTokenizeRequest) m).run();
        assertThat(run.inputs()).containsExactly("photos/", "my scans/*.jpg");
        assertThat(run.output()).isEqualTo(Path.of("shards"));
        assertThat(run.tokenizer()).isEqualTo("photo-64");
        assertThat(run.master()).isEqualTo("local[2]");
        assertThat(run.psnr()).isFalse();
        assertThat(run.resume()).isFalse();
        CorpusRun fresh = ((CorpusTokenizeRequest) MagicParser.parse("corpus tokenize photos/")).run();
        assertThat(fresh.output().toString()).startsWith("runs/corpus-");
        assertThat(fresh.master()).isEqualTo("local[*]");
        assertThat(fresh.psnr()).isTrue();
    }

    @Test
    void badLinesNameTheProblemWithTheUsage() {
        assertThat(error("corpus tokenize").usage()).contains("%tessera corpus");
        assertThat(error("corpus shuffle photos/").problem()).contains("corpus tokenize INPUT");
        assertThat(error("corpus tokenize photos/ --resume").problem()).contains("--out");
        assertThat(error("corpus tokenize photos/ --master lokal[2]").problem()).contains("--master must be");
        assertThat(error("corpus tokenize photos/ --tokenizer setok-shapes64").problem()).contains("grid tokenizer");
        assertThat(error("corpus tokenize photos/ --tokenizer nowhere/").problem()).contains("neither a shipped tokenizer");
    }

    @Test
    void withoutTheSparkBuildItSaysWhereToGetIt() {
        String before = System.getProperty(CorpusJob.HOME_PROPERTY);
        System.setProperty(CorpusJob.HOME_PROPERTY, "/nonexistent/spark/target");
        try {
            MagicError e = error("corpus tokenize photos/ --out shards");
            assertThat(e.problem()).contains("tessera-spark.jar").contains(CorpusJob.HOME_ENV).contains("mvn");
        } finally {
            if (before == null) {
                System.clearProperty(CorpusJob.HOME_PROPERTY);
            } else {
                System.setProperty(CorpusJob.HOME_PROPERTY, before);
            }
        }
    }
}
