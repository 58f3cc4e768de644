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
     * The view of {@code a} whose index along {@code axis} runs from {@code start} to {@code end}
     * (exclusive), on {@code a}'s manager: one libtorch slice, where DJL's general indexing slices
     * every axis and squeezes (five native calls). Used on the hot path of decoding.
     */
    public static NDArray narrow(NDArray a, int axis, long start, long end) {
        if (a instanceof ai.djl.pytorch.engine.PtNDArray pt) {
            return ai.djl.pytorch.jni.JniUtils.slice(pt, axis, start, end, 1);
        }
        return a.get(new ai.djl.ndarray.index.NDIndex(":, ".repeat(axis) + start + ":" + end));
    }

    /**
     * Copies {@code value} into {@code a} in place, at indices {@code start ..} along {@code axis}
     * and everything along the other axes ({@code value}'s shape is {@code a}'s but on that axis):
     * one native call, without DJL's index parsing. Used on the hot path of decoding.
     */
    public static void write(NDArray a, int axis, long start, NDArray value) {
        Shape s = a.getShape();
        long end = start + value.getShape().get(axis);
        if (a instanceof ai.djl.pytorch.engine.PtNDArray pt && value instanceof ai.djl.pytorch.engine.PtNDArray v) {
            long[] min = new long[axis + 1];
            long[] max = new long[axis + 1];
            long[] step = new long[axis + 1];
            for (int i = 0; i < axis; i++) {
                max[i] = s.get(i);
                step[i] = 1;
            }
            min[axis] = start;
            max[axis] = end;
            step[axis] = 1;
            ai.djl.pytorch.jni.JniUtils.indexSet(pt, v, min, max, step);
            return;
        }
        a.set(new ai.djl.ndarray.index.NDIndex(":, ".repeat(axis) + start + ":" + end), value);
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
