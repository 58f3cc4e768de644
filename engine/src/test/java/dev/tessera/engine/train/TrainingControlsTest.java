package dev.tessera.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.PairList;
import dev.tessera.engine.runtime.TesseraRuntime;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrainingControlsTest {

    /** The policy alone, without a model. */
    static final class Controls extends TrainingControls<Controls> {
    }

    @Test
    void aNonFiniteGradientEarlyInAFreshRunIsAnErrorThatNamesTheParameters() {
        Controls c = new Controls();
        assertThatThrownBy(() -> c.nonFiniteGradient(3, true, List.of("decoder.weight"), 1e-3, 1.0))
                .isInstanceOf(NonFiniteGradientException.class)
                .hasMessageContaining("step 3").hasMessageContaining("decoder.weight")
                .hasMessageContaining("first " + TrainingControls.EARLY_STEPS + " steps")
                .satisfies(e -> assertThat(((NonFiniteGradientException) e).parameters()).containsExactly("decoder.weight"));
        assertThatThrownBy(() -> c.nonFiniteGradient(TrainingControls.EARLY_STEPS, true, List.of(), 1e-3, 1.0))
                .isInstanceOf(NonFiniteGradientException.class);
        assertThat(c.skippedSteps()).isZero();
    }

    @Test
    void laterOrInAResumedRunItIsASkippedStepCountedUntilTheLimit() {
        Controls c = new Controls();
        c.nonFiniteGradient(TrainingControls.EARLY_STEPS + 1, true, List.of("w"), 1e-3, 1.0);
        c.nonFiniteGradient(5, false, List.of("w"), 1e-3, 1.0);
        assertThat(c.skippedSteps()).isEqualTo(2);
        for (int i = 2; i < TrainingControls.MAX_SKIPPED_STEPS; i++) {
            c.nonFiniteGradient(200 + i, true, List.of("w"), 1e-3, 1.0);
        }
        assertThat(c.skippedSteps()).isEqualTo(TrainingControls.MAX_SKIPPED_STEPS);
        assertThatThrownBy(() -> c.nonFiniteGradient(300, true, List.of("w"), 1e-3, 1.0))
                .isInstanceOf(TrainingDivergedException.class).isNotInstanceOf(NonFiniteGradientException.class)
                .hasMessageContaining("diverged at step 300");
    }

    @Test
    void clippingLeavesANonFiniteGradientAloneSoItsParameterCanBeNamed() {
        try (NDManager m = TesseraRuntime.newManager()) {
            PairList<String, Parameter> params = new PairList<>();
            params.add("fine", parameter(m, 3f));
            params.add("broken", parameter(m, Float.POSITIVE_INFINITY));
            double norm = GradientClipping.clipGlobalNorm(params, 1.0);
            assertThat(Double.isFinite(norm)).isFalse();
            assertThat(params.get("fine").getArray().getGradient().toFloatArray()).containsOnly(3f);
            assertThat(GradientClipping.nonFinite(params)).containsExactly("broken");
            params.add("nan", parameter(m, Float.NaN));
            assertThat(GradientClipping.nonFinite(params)).containsExactly("broken", "nan");
        }
    }

    /** A 2x2 parameter whose gradient is {@code gradient} everywhere (from a real backward pass). */
    private static Parameter parameter(NDManager m, float gradient) {
        Parameter p = Parameter.builder().setName("p").setType(Parameter.Type.WEIGHT).optShape(new Shape(2, 2)).build();
        p.initialize(m, DataType.FLOAT32);
        NDArray a = p.getArray();
        a.setRequiresGradient(true);
        try (ai.djl.training.GradientCollector gc = TesseraRuntime.engine().newGradientCollector()) {
            gc.backward(a.mul(dev.tessera.engine.nn.Tensors.scalar(a, gradient)).sum());
        }
        return p;
    }
}
