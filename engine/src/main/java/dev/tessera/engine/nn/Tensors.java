package dev.tessera.engine.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;

/** Tensor helpers the engine's layers, quantizers and losses share. */
public final class Tensors {

    private Tensors() {
    }

    /**
     * A view of a parameter's tensor owned by {@code m}. Operations on it then allocate in the
     * caller's per-step manager instead of piling up in the model's (in DJL, intermediates
     * attach to the first operand's manager), and gradients still reach the parameter.
     */
    public static NDArray local(NDArray param, NDManager m) {
        NDArray view = param.reshape(param.getShape());
        view.attach(m);
        return view;
    }

    /** Overwrites a parameter's storage in place, on its device. */
    public static void replace(Parameter p, NDArray value) {
        // duplicate() copies into memory libtorch owns: toType(same type) would alias the source, which
        // may be a Java buffer (NDManager.create) freed when its manager closes
        p.getArray().intern(value.toType(DataType.FLOAT32, false).duplicate());
    }

    /** Rows scaled to unit L2 norm; the epsilon inside the root keeps the gradient finite at zero rows. */
    public static NDArray l2normalize(NDArray x) {
        return x.div(x.square().sum(new int[] {-1}, true).add(scalar(x, 1e-6f)).sqrt());
    }

    /**
     * {@code value} as a 0-d float tensor on {@code like}'s manager and device, in memory libtorch
     * owns. Every constant operand of Tessera's tensor arithmetic is made here; the engine never
     * calls DJL's {@code NDArray.mul(Number)} and its siblings ({@code add}, {@code div},
     * {@code maximum}, {@code clip}, ...). Why: DJL 0.35.1 builds such a scalar over a Java direct
     * buffer and closes it right after the forward operation, while libtorch's autograd keeps a
     * pointer to it for the backward pass; once a garbage collection frees the buffer, the gradient
     * is multiplied by whatever the memory then holds (seen: 111-153 of 200 gradients of
     * {@code x.mul(2.5f)} wrong after a GC, values up to 1e34). That made fresh tokenizer trainings
     * fail on some runs and not others. The arithmetic is the same, so results are bit-identical.
     * {@code like} should be an intermediate of the current step, not a parameter, so the scalar
     * is freed with the step's manager.
     */
    public static NDArray scalar(NDArray like, float value) {
        return like.getManager().full(new Shape(), value, DataType.FLOAT32, like.getDevice());
    }
}
