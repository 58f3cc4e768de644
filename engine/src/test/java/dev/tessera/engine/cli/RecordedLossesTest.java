package dev.tessera.engine.cli;

import dev.tessera.engine.reliability.ChildJvm;
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
 * ({@code MKL_CBWR}) and oneDNN at AVX2 ({@code ONEDNN_MAX_CPU_ISA}). That is not enough on a CPU
 * with AVX-512: there the first forward pass matches the recording to the bit, but backward passes
 * differ in their last bits from the second step on (libtorch's and oneDNN's kernels choose their
 * blocking from the CPU, not only from the instruction set), and a VQ's code choices amplify that.
 * So each kind of CPU has its own recording, made by the same program from the same landed code:
 * {@code recorded-losses.txt} for CPUs whose widest vectors are AVX2, {@code recorded-losses-avx512.txt}
 * for AVX-512 ones ({@link #cpuKind()}). A CPU of a kind without a recording fails, naming the
 * command that makes one.
 *
 * <p>The build checks the first {@value #STEPS} steps of each run, and all
 * {@value RecordedLosses#STAGE_ONE} of the two-stage recipe's stage 1 (about two minutes on two cores); {@code -Dtessera.recorded.steps=200} checks all the recorded ones.
 */
@Tag("slow")
public class RecordedLossesTest {

    /** The environment of the recording and of every check. */
    /** The environment that makes libtorch compute the same bits on any CPU of this kind (threads, kernels, CBWR). */
    public static final Map<String, String> PINNED = Map.of("TESSERA_THREADS", "1", "ATEN_CPU_CAPABILITY", "avx2",
            "MKL_CBWR", "AVX2", "ONEDNN_MAX_CPU_ISA", "AVX2", "TESSERA_CONVOLUTION", "library");

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
        String file = recording(cpuKind());
        try (InputStream in = RecordedLossesTest.class.getResourceAsStream(file)) {
            assertThat(in).as("%s next to RecordedLossesTest: this CPU is of kind %s, which has no recording yet; make "
                    + "one with RecordedLosses (its Javadoc gives the command) from the last landed code on such a CPU, "
                    + "with the pinned environment", file, cpuKind()).isNotNull();
            return Arrays.asList(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
    }

    /** The recording of CPUs of {@code kind}. */
    static String recording(String kind) {
        return "avx2".equals(kind) ? "recorded-losses.txt" : "recorded-losses-" + kind + ".txt";
    }

    /**
     * {@code avx512} when this CPU's flags ({@code /proc/cpuinfo}) include {@code avx512f}, {@code avx2}
     * when they include {@code avx2}, otherwise {@code other}.
     */
    static String cpuKind() throws IOException {
        String flags = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/cpuinfo")).stream()
                .filter(l -> l.startsWith("flags")).findFirst().orElse("") + " ";
        return flags.contains(" avx512f ") ? "avx512" : flags.contains(" avx2 ") ? "avx2" : "other";
    }
}
