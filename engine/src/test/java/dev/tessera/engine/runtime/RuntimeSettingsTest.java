package dev.tessera.engine.runtime;

import dev.tessera.engine.nn.ConvolutionPath;
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
    void anEmptyEnvironmentGivesAutoAndTheConvolutionsSafeOnThisCpu() {
        assertThat(RuntimeSettings.fromEnvironment(Map.of()).device()).isEqualTo(DeviceChoice.AUTO);
        assertThat(RuntimeSettings.fromEnvironment(Map.of()).convolutions())
                .isEqualTo(CpuFeatures.hasAvx512() ? ConvolutionPath.GEMM : ConvolutionPath.LIBRARY);
        assertThat(RuntimeSettings.fromEnvironment(Map.of("ONEDNN_MAX_CPU_ISA", "avx2")).convolutions())
                .isEqualTo(ConvolutionPath.LIBRARY);
        assertThat(RuntimeSettings.fromEnvironment(Map.of("TESSERA_CONVOLUTION", " Library ")).convolutions())
                .isEqualTo(ConvolutionPath.LIBRARY);
    }

    @Test
    void libtorchsConvolutionsAreChosenOnlyWhereTheyAreSafe() {
        assertThat(ConvolutionPath.choose(Map.of(), false)).isEqualTo(ConvolutionPath.LIBRARY);
        assertThat(ConvolutionPath.choose(Map.of(), true)).isEqualTo(ConvolutionPath.GEMM);
        assertThat(ConvolutionPath.choose(Map.of("ONEDNN_MAX_CPU_ISA", "AVX2"), true)).isEqualTo(ConvolutionPath.LIBRARY);
        assertThat(ConvolutionPath.choose(Map.of("ONEDNN_MAX_CPU_ISA", "AVX512_CORE"), true)).isEqualTo(ConvolutionPath.GEMM);
        assertThat(ConvolutionPath.choose(Map.of("ONEDNN_MAX_CPU_ISA", "ALL"), true)).isEqualTo(ConvolutionPath.GEMM);
    }

    @Test
    void badValuesNameTheValidOnes() {
        assertThatThrownBy(() -> RuntimeSettings.fromEnvironment(Map.of("TESSERA_DEVICE", "tpu")))
                .hasMessageContaining("auto, cpu, gpu");
        assertThatThrownBy(() -> RuntimeSettings.fromEnvironment(Map.of("TESSERA_THREADS", "two")))
                .hasMessageContaining("not a whole number");
        assertThatThrownBy(() -> new RuntimeSettings(DeviceChoice.CPU, 0, 1, ConvolutionPath.GEMM)).hasMessageContaining("1..256");
        assertThatThrownBy(() -> RuntimeSettings.fromEnvironment(Map.of("TESSERA_CONVOLUTION", "onednn")))
                .hasMessageContaining("gemm or library");
    }

    @Test
    void testsRunOnTheCpuWhenNoGpuIsPresent() {
        if (TesseraRuntime.engine().getGpuCount() == 0) {
            assertThat(TesseraRuntime.device().isGpu()).isFalse();
        }
    }
}
