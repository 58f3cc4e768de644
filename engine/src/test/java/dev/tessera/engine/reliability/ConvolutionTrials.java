package dev.tessera.engine.reliability;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import dev.tessera.engine.nn.ConvolutionPath;
import dev.tessera.engine.nn.GemmConv2d;
import dev.tessera.engine.runtime.TesseraRuntime;

/**
 * Many independent convolution forward + backward passes on random inputs, counting the trials
 * whose input or weight gradient is not finite; one line per shape:
 * {@code PATH kK/sS Cch Spx: bad-input/bad-weight of trials}. Run by {@link ConvolutionBackwardCheckTest}
 * in fresh JVMs; alone: {@code java -cp <test classpath> dev.tessera.engine.reliability.ConvolutionTrials library 300}.
 */
public final class ConvolutionTrials {

    private ConvolutionTrials() {
    }

    /** Counts of non-finite input and weight gradients in {@code trials} passes. */
    public record Count(int badInput, int badWeight, int trials) {
    }

    public static void main(String[] args) {
        ConvolutionPath path = ConvolutionPath.valueOf(args[0].toUpperCase());
        int trials = Integer.parseInt(args[1]);
        // kernel, stride, padding, channels, map size: the shapes libtorch 2.7.1's oneDNN got wrong on AVX-512
        int[][] shapes = {{3, 1, 1, 8, 4}, {3, 1, 1, 8, 16}, {4, 2, 1, 8, 16}};
        for (int[] s : shapes) {
            Count c = run(path, s[0], s[1], s[2], s[3], s[4], 8, trials, 11);
            System.out.printf("%s k%d/s%d %dch %dpx: %d/%d of %d%n", path, s[0], s[1], s[3], s[4], c.badInput(), c.badWeight(), c.trials());
        }
    }

    /** {@code trials} passes of a {@code kernel}x{@code kernel} convolution, {@code ch}->{@code ch} channels, batch {@code batch}. */
    public static Count run(ConvolutionPath path, int kernel, int stride, int pad, int ch, int size, int batch, int trials, long seed) {
        int badInput = 0;
        int badWeight = 0;
        for (int t = 0; t < trials; t++) {
            try (NDManager m = TesseraRuntime.newManager()) {
                m.getEngine().setRandomSeed((int) (seed * 1000 + t));
                NDArray x = m.randomNormal(new Shape(batch, ch, size, size));
                NDArray w = m.randomNormal(new Shape(ch, ch, kernel, kernel)).mul(0.1f);
                NDArray b = m.zeros(new Shape(ch));
                x.setRequiresGradient(true);
                w.setRequiresGradient(true);
                try (GradientCollector gc = TesseraRuntime.engine().newGradientCollector()) {
                    NDArray y = path == ConvolutionPath.GEMM ? GemmConv2d.convolve(x, w, b, stride, pad)
                            : Conv2d.conv2d(x, w, b, new Shape(stride, stride), new Shape(pad, pad)).singletonOrThrow();
                    gc.backward(y.square().mean());
                }
                if (!finite(x.getGradient())) {
                    badInput++;
                }
                if (!finite(w.getGradient())) {
                    badWeight++;
                }
            }
        }
        return new Count(badInput, badWeight, trials);
    }

    private static boolean finite(NDArray a) {
        return !a.isNaN().logicalOr(a.isInfinite()).any().getBoolean();
    }
}
