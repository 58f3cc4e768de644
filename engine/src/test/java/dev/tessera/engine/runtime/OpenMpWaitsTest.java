package dev.tessera.engine.runtime;

import dev.tessera.engine.reliability.ChildJvm;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * libtorch's OpenMP runs with the wait policy Tessera puts into the process environment before
 * libtorch loads, and with the user's own when one is set. Each case starts a fresh JVM (OpenMP
 * reads the policy once, when it loads) with {@code OMP_DISPLAY_ENV=VERBOSE}, which makes GNU OpenMP
 * print the settings it actually uses. Its spin count is the telling line: unset, the policy is
 * printed as PASSIVE too, but threads spin 300,000 times before they sleep; PASSIVE makes it 0.
 */
class OpenMpWaitsTest {

    @Test
    void withoutAUserChoiceOpenMpSleepsWhileItWaits() {
        List<String> out = child(null);
        assertThat(out).anySatisfy(l -> assertThat(l).contains("OMP_WAIT_POLICY = 'PASSIVE'"));
        assertThat(out).anySatisfy(l -> assertThat(l).contains("GOMP_SPINCOUNT = '0'"));
        assertThat(out).anySatisfy(l -> assertThat(l).startsWith("status=PASSIVE (Tessera's default"));
        assertThat(out).anySatisfy(l -> assertThat(l).startsWith("product=ok"));
    }

    @Test
    void theUsersChoiceWins() {
        List<String> out = child("ACTIVE");
        assertThat(out).anySatisfy(l -> assertThat(l).contains("OMP_WAIT_POLICY = 'ACTIVE'"));
        assertThat(out).noneSatisfy(l -> assertThat(l).contains("GOMP_SPINCOUNT = '0'"));
        assertThat(out).anySatisfy(l -> assertThat(l).startsWith("status=ACTIVE (OMP_WAIT_POLICY set by the user)"));
    }

    @Test
    void aSpinCountAloneIsAChoiceToo() {
        List<String> out = child(null, "300000");
        assertThat(out).anySatisfy(l -> assertThat(l).contains("GOMP_SPINCOUNT = '300000'"));
        assertThat(out).anySatisfy(l -> assertThat(l).startsWith("status=spinning 300000 times"));
    }

    private static List<String> child(String policy) {
        return child(policy, null);
    }

    private static List<String> child(String policy, String spinCount) {
        Map<String, String> env = new HashMap<>();
        env.put(OpenMpWaits.ENV, policy);
        env.put(OpenMpWaits.SPIN_ENV, spinCount);
        env.put("OMP_DISPLAY_ENV", "VERBOSE");
        env.put("TESSERA_THREADS", "2");
        return ChildJvm.runWithErrors(Main.class, env, 120);
    }

    /** Starts the engine, runs one parallel product and prints the policy's status. */
    public static final class Main {
        public static void main(String[] args) {
            try (var m = TesseraRuntime.newManager()) {
                double e = GemmSelfTest.maxRelativeError(m, 64, 192, 768);
                System.out.println(e < GemmSelfTest.TOLERANCE ? "product=ok" : "product=wrong " + e);
            }
            System.out.println("status=" + OpenMpWaits.status());
        }
    }
}
