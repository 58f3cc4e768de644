package dev.tessera.engine.cli;

import dev.tessera.engine.reliability.ChildJvm;
import dev.tessera.engine.runtime.MklCpuOverride;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every shipped recipe still trains exactly as it did before the training loops were merged
 * into one: the losses of its first steps, to the bit, against {@code recorded-losses.txt}
 * ({@link RecordedLosses} says how it was made).
 *
 * <p>Bit-identical losses across machines need the same kernels everywhere, so the child JVM
 * pins them: one engine thread (a fixed reduction order), libtorch's own vector kernels at AVX2
 * ({@code ATEN_CPU_CAPABILITY}), MKL's conditional numerical reproducibility at AVX2
 * ({@code MKL_CBWR}) and oneDNN at AVX2 ({@code ONEDNN_MAX_CPU_ISA}), and Tessera's oneMKL CPU
 * override off ({@link MklCpuOverride#ENV}). Any x86-64 CPU with AVX2 then runs the code paths the
 * recording ran. The override matters on an AMD CPU with AVX-512: it makes oneMKL take its Intel
 * code path, whose AVX2 kernels under {@code MKL_CBWR} differ in the last bits from the ones it
 * runs on a CPU it does not take for Intel (seen on an AMD EPYC with AVX-512: the first forward
 * pass equal, the losses different from the second step on; with the override off, every bit equal).
 *
 * <p>The build checks the first {@value #STEPS} steps of each run, and all
 * {@value RecordedLosses#STAGE_ONE} of the two-stage recipe's stage 1 (about two minutes on two cores); {@code -Dtessera.recorded.steps=200} checks all the recorded ones.
 */
@Tag("slow")
public class RecordedLossesTest {

    /** The environment of the recording and of every check. */
    /** The environment that makes libtorch compute the same bits on any CPU of this kind (threads, kernels, CBWR). */
    public static final Map<String, String> PINNED = Map.of("TESSERA_THREADS", "1", "ATEN_CPU_CAPABILITY", "avx2",
            "MKL_CBWR", "AVX2", "ONEDNN_MAX_CPU_ISA", "AVX2", "TESSERA_CONVOLUTION", "library",
            MklCpuOverride.ENV, "off");

    static final int STEPS = 10;

    static List<String> runs() {
        return RecordedLosses.RUNS;
    }

    @ParameterizedTest
    @MethodSource("runs")
    void theRecipeTrainsAsRecorded(String run) throws IOException {
        int steps = Integer.getInteger("tessera.recorded.steps", STEPS);
        List<String> recorded = recorded().stream()
                .filter(l -> l.startsWith(run + " ") || l.startsWith(run + "/"))
                .filter(l -> withinSteps(l, run, steps)).toList();
        assertThat(recorded).as("recorded lines of %s", run).isNotEmpty();
        List<String> now = ChildJvm.run(RecordedLosses.class, PINNED, 1800, Integer.toString(steps), run);
        assertThat(now).as("%s's first %d steps, as loss bits, against the recording", run, steps)
                .containsExactlyElementsOf(recorded);
    }

    /**
     * True when line {@code l} is among the first {@code steps} of its run; the two-stage recipe's
     * stage 1 is always checked whole (stage 2 starts from its last step).
     */
    private static boolean withinSteps(String l, String run, int steps) {
        return l.startsWith(run + "/1 ") || Integer.parseInt(l.split(" ")[1]) <= steps;
    }

    private static List<String> recorded() throws IOException {
        try (InputStream in = RecordedLossesTest.class.getResourceAsStream("recorded-losses.txt")) {
            assertThat(in).as("recorded-losses.txt next to RecordedLossesTest").isNotNull();
            return Arrays.asList(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
    }
}
