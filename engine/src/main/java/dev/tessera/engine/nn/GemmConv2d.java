package dev.tessera.engine.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.ArrayList;
import java.util.List;

/**
 * A 2D convolution computed as im2col plus one matrix product, built only from slicing, stacking
 * and {@code matMul}, so forward and backward run through libtorch's BLAS instead of its oneDNN
 * convolution kernels, whose AVX-512 backward pass returns non-finite gradients
 * ({@link ConvolutionPath} says when it is used). It costs memory (the k*k shifted copies of the
 * input) and time; {@code TokenizerTrainingBench} measures how much.
 *
 * <p>It IS a {@link Conv2d} (same parameters "weight" (F, C, k, k) and "bias" (F), same saved
 * format), so checkpoints written with either path load into the other. Groups and dilation are
 * not supported (Tessera uses neither) and are refused at build time.
 */
public final class GemmConv2d extends Conv2d {

    private GemmConv2d(Conv2d.Builder builder) {
        super(builder);
        if (getGroups() != 1 || getDilation().get(0) != 1 || getDilation().get(1) != 1) {
            throw new IllegalArgumentException("GemmConv2d supports groups=1 and dilation 1 only");
        }
    }

    /**
     * A square convolution with {@code filters} outputs, a {@code kernel}x{@code kernel} window,
     * the given stride and zero padding, computed by {@code path}.
     */
    public static Conv2d of(int filters, int kernel, int stride, int padding, ConvolutionPath path) {
        Conv2d.Builder b = Conv2d.builder().setFilters(filters).setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride)).optPadding(new Shape(padding, padding));
        return path == ConvolutionPath.GEMM ? new GemmConv2d(b) : b.build();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray w = ps.getValue(weight, x.getDevice(), training);
        NDArray b = includeBias ? ps.getValue(bias, x.getDevice(), training) : null;
        return new NDList(convolve(x, w, b, (int) getStride().get(0), (int) getPadding().get(0)));
    }

    /**
     * (N, C, H, W) convolved with (F, C, k, k) (+ bias (F)) at {@code stride} and zero
     * {@code padding}: (N, F, Ho, Wo). Differentiable in all three arguments.
     */
    public static NDArray convolve(NDArray x, NDArray w, NDArray bias, int stride, int padding) {
        Shape xs = x.getShape();
        Shape ws = w.getShape();
        long n = xs.get(0);
        long c = xs.get(1);
        long f = ws.get(0);
        int k = (int) ws.get(2);
        if (ws.get(1) != c || ws.get(3) != k) {
            throw new IllegalArgumentException("weight " + ws + " does not fit input " + xs);
        }
        long h = xs.get(2) + 2L * padding;
        long wd = xs.get(3) + 2L * padding;
        long ho = (h - k) / stride + 1;
        long wo = (wd - k) / stride + 1;
        // libtorch's pad order: the last dimension first, so these four pad W then H
        NDArray padded = padding == 0 ? x : x.pad(new Shape(padding, padding, padding, padding), 0);
        List<NDArray> windows = new ArrayList<>(k * k);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                windows.add(padded.get(new NDIndex(":, :, {}:{}:{}, {}:{}:{}",
                        i, i + stride * (ho - 1) + 1, stride, j, j + stride * (wo - 1) + 1, stride)));
            }
        }
        // (N, C, k*k, Ho, Wo): column c*k*k + i*k + j matches the weight's (F, C, k, k) layout
        NDArray columns = NDArrays.stack(new NDList(windows), 2).reshape(n, c * k * k, ho * wo);
        // multiplying by 1 copies the weight into memory libtorch allocates (always 64-byte aligned), with
        // its gradient intact: DJL keeps parameters in Java buffers of varying alignment, MKL's sums
        // round differently by alignment, and a reloaded model would then decode 1 ulp away from the
        // model that saved it
        // (local: results attach to their first operand's manager, which for a parameter is the model's)
        NDArray aligned = Tensors.local(w, x.getManager()).mul(Tensors.scalar(x, 1f));
        NDArray out = aligned.reshape(f, c * k * k).matMul(columns);
        if (bias != null) {
            out = out.add(Tensors.local(bias, x.getManager()).reshape(f, 1));
        }
        return out.reshape(n, f, ho, wo);
    }
}
