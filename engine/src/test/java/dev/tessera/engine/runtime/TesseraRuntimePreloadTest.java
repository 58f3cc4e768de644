package dev.tessera.engine.runtime;

import dev.tessera.engine.reliability.ChildJvm;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TesseraRuntimePreloadTest {

    /**
     * In a fresh JVM: after the background preload has loaded libtorch, settings can still be
     * chosen (configure does not refuse) and the engine starts with them.
     */
    @Test
    void afterThePreloadTheEngineStillStartsWithTheSettingsChosenLater() {
        List<String> out = ChildJvm.run(PreloadThenConfigure.class, Map.of(RuntimeSettings.THREADS_ENV, "2"), 120);
        assertThat(out).contains("threads=1", "preloaded=true", "product=ok");
    }

    /** Preloads, waits, configures one thread, starts the engine and multiplies two matrices. */
    public static final class PreloadThenConfigure {
        public static void main(String[] args) throws InterruptedException {
            TesseraRuntime.preloadInBackground().join();
            System.out.println("preloaded=" + StartupTimings.seconds().keySet().stream().anyMatch(k -> k.startsWith("native")));
            TesseraRuntime.configure(RuntimeSettings.fromEnvironment(System.getenv()).withThreads(1));
            TesseraRuntime.engine();
            System.out.println("threads=" + ai.djl.pytorch.jni.JniUtils.getNumThreads());
            try (var m = TesseraRuntime.newManager()) {
                float[] c = m.create(new float[] {1, 2, 3, 4}, new ai.djl.ndarray.types.Shape(2, 2))
                        .matMul(m.create(new float[] {5, 6, 7, 8}, new ai.djl.ndarray.types.Shape(2, 2))).toFloatArray();
                System.out.println(java.util.Arrays.equals(c, new float[] {19, 22, 43, 50}) ? "product=ok" : "product=wrong");
            }
        }
    }
}
