package dev.tessera.engine.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;

/** Tensor helpers the quantizers share. */
public final class Tensors {

    private Tensors() {
    }

    /**
     * A view of a parameter's tensor owned by {@code m}. Operations on it then allocate in the
     * caller's per-step manager instead of piling up in the model's (STACK.md: intermediates
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
        return x.div(x.square().sum(new int[] {-1}, true).add(1e-6f).sqrt());
    }
}
