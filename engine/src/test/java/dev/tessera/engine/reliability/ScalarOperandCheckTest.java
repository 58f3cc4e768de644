package dev.tessera.engine.reliability;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.tessera.engine.nn.Tensors;
import dev.tessera.engine.runtime.TesseraRuntime;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gradient of {@code x * 2.5} must be 2.5 even when a garbage collection runs between the
 * forward and the backward pass, as it does in a busy training step. Through
 * {@link Tensors#scalar} it always is. DJL's own {@code x.mul(2.5f)} is the watch on the
 * library: in DJL 0.35.1 it is wrong in about half the trials (its scalar lives in a Java buffer
 * freed while autograd still points at it); the count is printed so an upgrade shows when the
 * bug is gone, and {@code NumberOperandsTest} keeps such calls out of the engine meanwhile.
 */
class ScalarOperandCheckTest {

    static final int TRIALS = 200;

    @Test
    void aScalarOperandsGradientSurvivesAGarbageCollection() {
        int wrong = wrongGradients(x -> x.mul(Tensors.scalar(x, 2.5f)));
        assertThat(wrong).as("wrong gradients through Tensors.scalar").isZero();
        System.out.println("DJL's NDArray.mul(Number): " + wrongGradients(x -> x.mul(2.5f)) + " of " + TRIALS
                + " gradients wrong after a garbage collection");
    }

    private static int wrongGradients(Function<NDArray, NDArray> times) {
        int wrong = 0;
        for (int t = 0; t < TRIALS; t++) {
            try (NDManager m = TesseraRuntime.newManager()) {
                NDArray x = m.ones(new Shape(4));
                x.setRequiresGradient(true);
                try (GradientCollector gc = TesseraRuntime.engine().newGradientCollector()) {
                    NDArray y = times.apply(x);
                    churn();
                    System.gc();
                    churn();
                    gc.backward(y.sum());
                }
                if (x.getGradient().toFloatArray()[0] != 2.5f) {
                    wrong++;
                }
            }
        }
        return wrong;
    }

    /** Frees and reallocates small direct buffers, as a training step's tensor creation does. */
    private static void churn() {
        for (int i = 0; i < 200; i++) {
            ByteBuffer.allocateDirect(4).putFloat(0, 1e30f);
        }
    }
}
