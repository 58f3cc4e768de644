package dev.tessera.engine.runtime;

import dev.tessera.engine.reliability.ChildJvm;
import org.junit.jupiter.api.Test;

import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MklCpuOverrideTest {

    @Test
    void theOverrideLoadsOnlyOnAConfirmedAvx512CpuUnlessForcedOrTurnedOff() {
        assertThat(MklCpuOverride.refusal(MklCpuOverride.Mode.AUTO, true, true)).isNull();
        assertThat(MklCpuOverride.refusal(MklCpuOverride.Mode.AUTO, true, false)).contains("no AVX-512F");
        assertThat(MklCpuOverride.refusal(MklCpuOverride.Mode.OFF, true, true)).contains("=off");
        assertThat(MklCpuOverride.refusal(MklCpuOverride.Mode.FORCE, true, false)).isNull();
        assertThat(MklCpuOverride.refusal(MklCpuOverride.Mode.FORCE, false, true)).contains("x86-64");
        assertThat(MklCpuOverride.Mode.parse(null)).isEqualTo(MklCpuOverride.Mode.AUTO);
        assertThat(MklCpuOverride.Mode.parse(" Off ")).isEqualTo(MklCpuOverride.Mode.OFF);
        assertThatThrownBy(() -> MklCpuOverride.Mode.parse("yes")).hasMessageContaining("auto, off or force");
    }

    @Test
    void theFlagIsReadAsAWholeWordOfTheFlagsLine() {
        String cpu = "model name\t: AMD EPYC avx512f-like name\nflags\t\t: fpu avx2 avx512fx avx512bw\n";
        assertThat(CpuFeatures.hasFlag(cpu, "avx512f")).isFalse();
        assertThat(CpuFeatures.hasFlag(cpu + "flags\t\t: fpu avx512f avx512bw\n", "avx512f")).isTrue();
    }

    @Test
    void theSelfTestKnowsARightProductFromAWrongOne() {
        var m = TesseraRuntime.newManager();
        try (m) {
            assertThat(GemmSelfTest.worstError(m)).isLessThan(GemmSelfTest.TOLERANCE);
        }
        // the known answer itself: a 2x2 by hand, through the same formula
        float[] a = GemmSelfTest.fill(4, 1);
        float[] b = GemmSelfTest.fill(4, 2);
        try (var s = TesseraRuntime.newManager()) {
            float[] c = s.create(a, new ai.djl.ndarray.types.Shape(2, 2)).matMul(s.create(b, new ai.djl.ndarray.types.Shape(2, 2)))
                    .toFloatArray();
            assertThat((double) c[1]).isCloseTo(a[0] * b[1] + a[1] * b[3], org.assertj.core.api.Assertions.within(1e-6));
        }
    }

    @Test
    void aWrongProductFailsTheSelfTestWithTheOptOutInTheMessage() {
        float[] a = GemmSelfTest.fill(6, 1);
        float[] b = GemmSelfTest.fill(6, 2);
        float[] right = {a[0] * b[0] + a[1] * b[2] + a[2] * b[4], a[0] * b[1] + a[1] * b[3] + a[2] * b[5],
            a[3] * b[0] + a[4] * b[2] + a[5] * b[4], a[3] * b[1] + a[4] * b[3] + a[5] * b[5]};
        assertThat(GemmSelfTest.relativeError(a, b, right, 2, 3, 2)).isLessThan(1e-6);
        float[] wrong = right.clone();
        wrong[3] += 0.01f;
        double e = GemmSelfTest.relativeError(a, b, wrong, 2, 3, 2);
        assertThat(e).isGreaterThan(GemmSelfTest.TOLERANCE);
        assertThatThrownBy(() -> MklCpuOverride.requireAccurate(e)).hasMessageContaining(MklCpuOverride.ENV + "=off");
        float[] nan = right.clone();
        nan[0] = Float.NaN;
        assertThatThrownBy(() -> MklCpuOverride.requireAccurate(GemmSelfTest.relativeError(a, b, nan, 2, 3, 2)))
                .isInstanceOf(IllegalStateException.class);
        MklCpuOverride.requireAccurate(GemmSelfTest.TOLERANCE / 2);
    }

    /** This JVM's state agrees with the machine: loaded and self-tested exactly where the CPU reports AVX-512F. */
    @Test
    void thisProcessUsesTheOverrideExactlyWhereTheCpuAllowsIt() {
        TesseraRuntime.engine();
        MklCpuOverride.Status s = MklCpuOverride.status();
        String env = System.getenv(MklCpuOverride.ENV);
        if ("off".equalsIgnoreCase(env == null ? "" : env.trim())) {
            assertThat(s.loaded()).isFalse();
        } else if (CpuFeatures.confirmedAvx512f() || "force".equalsIgnoreCase(env == null ? "" : env.trim())) {
            assertThat(s.loaded()).as(s.describe()).isTrue();
            assertThat(s.selfTestError()).isLessThan(GemmSelfTest.TOLERANCE);
        } else {
            assertThat(s.loaded()).isFalse();
            assertThat(s.reason()).contains("no AVX-512F");
        }
    }

    /**
     * Forced on any CPU, in a fresh JVM: the library built from src/main/c loads into the global
     * scope before libtorch, the dynamic linker binds libtorch's call of oneMKL's check to it (its
     * own binding log, LD_DEBUG=bindings, says so), and products stay right; turned off, libtorch
     * binds the check to its own oneMKL.
     */
    @Test
    void forcedLibtorchsCallBindsToTheOverrideAndProductsStayRight(@TempDir Path dir) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put(MklCpuOverride.ENV, "force");
        env.put("LD_DEBUG", "bindings");
        env.put("LD_DEBUG_OUTPUT", dir.resolve("forced").toString());
        List<String> out = ChildJvm.run(StatusMain.class, env, 120);
        assertThat(out).anySatisfy(line -> assertThat(line).startsWith("loaded=true"));
        assertThat(out).anySatisfy(line -> assertThat(line).startsWith("product="));
        assertThat(bindings(dir, "forced")).anySatisfy(line -> assertThat(line)
                .matches(".*libtorch_cpu\\.so \\[0\\] to \\S*libtessera_mkl_cpu\\.so .*"));

        env.put(MklCpuOverride.ENV, "off");
        env.put("LD_DEBUG_OUTPUT", dir.resolve("off").toString());
        assertThat(ChildJvm.run(StatusMain.class, env, 120)).anySatisfy(line -> assertThat(line).contains("loaded=false")
                .contains("=off"));
        assertThat(bindings(dir, "off")).isNotEmpty().allSatisfy(line -> assertThat(line).doesNotContain("libtessera_mkl_cpu"));
    }

    /** The dynamic linker's binding lines for oneMKL's check, from the files LD_DEBUG_OUTPUT={@code prefix} wrote. */
    private static List<String> bindings(Path dir, String prefix) throws IOException {
        List<String> lines = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                Files.readAllLines(f).stream().filter(l -> l.contains("`" + MklCpuOverride.SYMBOL + "'")).forEach(lines::add);
            }
        }
        return lines;
    }

    /** Starts the engine and prints the override's status and one product's error. */
    public static final class StatusMain {
        public static void main(String[] args) {
            TesseraRuntime.engine();
            MklCpuOverride.Status s = MklCpuOverride.status();
            System.out.println("loaded=" + s.loaded() + " " + s.describe());
            try (var m = TesseraRuntime.newManager()) {
                double e = GemmSelfTest.maxRelativeError(m, 64, 192, 768);
                if (!(e < GemmSelfTest.TOLERANCE)) {
                    throw new IllegalStateException("product error " + e);
                }
                System.out.println("product=" + e);
            }
        }
    }
}
