package dev.tessera.engine.runtime;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuntimeSettingsTest {

    @Test
    void environmentOverridesDeviceAndThreads() {
        RuntimeSettings s = RuntimeSettings.fromEnvironment(Map.of("TESSERA_DEVICE", "CPU", "TESSERA_THREADS", "1"));
        assertThat(s.device()).isEqualTo(DeviceChoice.CPU);
        assertThat(s.threads()).isEqualTo(1);
    }

    @Test
    void anEmptyEnvironmentGivesAuto() {
        assertThat(RuntimeSettings.fromEnvironment(Map.of()).device()).isEqualTo(DeviceChoice.AUTO);
    }

    @Test
    void badValuesNameTheValidOnes() {
        assertThatThrownBy(() -> RuntimeSettings.fromEnvironment(Map.of("TESSERA_DEVICE", "tpu")))
                .hasMessageContaining("auto, cpu, gpu");
        assertThatThrownBy(() -> RuntimeSettings.fromEnvironment(Map.of("TESSERA_THREADS", "two")))
                .hasMessageContaining("not a whole number");
        assertThatThrownBy(() -> new RuntimeSettings(DeviceChoice.CPU, 0, 1)).hasMessageContaining("1..256");
    }

    @Test
    void testsRunOnTheCpuWhenNoGpuIsPresent() {
        if (TesseraRuntime.engine().getGpuCount() == 0) {
            assertThat(TesseraRuntime.device().isGpu()).isFalse();
        }
    }
}
