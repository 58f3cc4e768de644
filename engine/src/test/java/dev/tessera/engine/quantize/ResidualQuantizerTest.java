package dev.tessera.engine.quantize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.tessera.engine.runtime.TesseraRuntime;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ResidualQuantizerTest {

    @Test
    void eachLevelQuantizesWhatThePreviousLeftAndErrorShrinks() {
        try (NDManager m = TesseraRuntime.newManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            ResidualQuantizer q = new ResidualQuantizer(new ResidualConfig(VqConfig.tiny(), 4));
            q.initialize(m, DataType.FLOAT32, new Shape(256, 8));
            Random r = new Random(3);
            float[] x = new float[256 * 8];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) r.nextGaussian();
            }
            NDArray z = m.create(x, new Shape(256, 8));
            q.initialiseFromData(ps, z, new Random(4));
            QuantizeResult res = q.quantize(ps, z, false);
            double previous = Double.MAX_VALUE;
            for (int l = 1; l <= 4; l++) {
                double err = z.sub(q.codes(ps, res.indices(), l)).square().mean().getFloat();
                assertThat(err).as("error with %d levels", l).isLessThan(previous);
                previous = err;
            }
            // level l's input is the residual after levels < l
            NDArray level1Input = res.levelInputs().get(":, 1, :");
            NDArray expected = z.sub(q.codes(ps, res.indices(), 1));
            assertThat(level1Input.toFloatArray()).containsExactly(expected.toFloatArray(), within(1e-5f));
        }
    }

    @Test
    void cosineOrProjectedLevelsAreRefusedWithTheFix() {
        assertThatThrownBy(() -> new ResidualConfig(VqConfig.tiny().withCosine(true), 2)).hasMessageContaining("cosine to false");
        assertThatThrownBy(() -> new ResidualConfig(VqConfig.tiny().withLookupDim(2), 2)).hasMessageContaining("lookupDim to 0");
    }
}
