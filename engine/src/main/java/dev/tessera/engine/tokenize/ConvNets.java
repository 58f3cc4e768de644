package dev.tessera.engine.tokenize;

import ai.djl.nn.Activation;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import dev.tessera.engine.nn.GemmConv2d;
import dev.tessera.engine.runtime.TesseraRuntime;

/**
 * The convolutional encoder and decoder of the grid tokenizers; the scene judge reuses the encoder.
 * Every convolution is computed the way {@link TesseraRuntime#settings()} says: libtorch's own
 * where that is safe, {@link GemmConv2d} where oneDNN's AVX-512 kernels would run
 * ({@link dev.tessera.engine.nn.ConvolutionPath}).
 */
public final class ConvNets {

    private ConvNets() {
    }

    /** (N, 3, S, S) -> (N, D, S/2^k, S/2^k). */
    static SequentialBlock encoder(TokenizerConfig c) {
        return encoder(c.hiddenChannels(), c.downsamplings(), c.quantizer().codeDim());
    }

    /** (N, D, g, g) -> (N, 3, g*2^k, g*2^k), values around [-1, 1]. */
    static SequentialBlock decoder(TokenizerConfig c) {
        return decoder(c.hiddenChannels(), c.downsamplings());
    }

    /** {@code ch}-wide convolutions halving the image {@code k} times, then a 1x1 to {@code out} channels. */
    public static SequentialBlock encoder(int ch, int k, int out) {
        SequentialBlock b = new SequentialBlock().add(conv(ch, 3, 1)).add(Activation.reluBlock());
        for (int i = 0; i < k; i++) {
            b.add(conv(ch, 4, 2)).add(Activation.reluBlock());
        }
        return b.add(conv(ch, 3, 1)).add(Activation.reluBlock()).add(conv(out, 1, 1));
    }

    /** {@code ch}-wide convolutions doubling the grid {@code k} times, then to 3 colour channels. */
    static SequentialBlock decoder(int ch, int k) {
        SequentialBlock b = new SequentialBlock().add(conv(ch, 3, 1)).add(Activation.reluBlock());
        for (int i = 0; i < k; i++) {
            b.add(upsample2x()).add(conv(ch, 3, 1)).add(Activation.reluBlock());
        }
        return b.add(conv(3, 3, 1));
    }

    /**
     * Nearest-neighbour 2x upsampling: each pixel becomes a 2x2 block. libtorch's own nearest
     * interpolation (one operation each way); the same values as repeating each row and column
     * twice, which materialised two copies forward and summed them back in the backward pass: a
     * tenth of a tokenizer's training step (profiled: bench/results/tokenizer-profile.md).
     */
    static LambdaBlock upsample2x() {
        return LambdaBlock.singleton(x -> x.getNDArrayInternal().interpolation(
                new long[] {2 * x.getShape().get(2), 2 * x.getShape().get(3)}, NEAREST, false), "upsample2x");
    }

    /** libtorch's interpolation mode number for nearest neighbour (as DJL passes it). */
    private static final int NEAREST = 0;

    /** A convolution of {@code filters} outputs, "same" padding (odd kernels) or exact halving (4x4, stride 2). */
    public static Conv2d conv(int filters, int kernel, int stride) {
        // padding keeps "same" size for odd kernels and exact halving for the 4x4 stride-2 ones
        int pad = kernel == 4 ? 1 : kernel / 2;
        return GemmConv2d.of(filters, kernel, stride, pad, TesseraRuntime.settings().convolutions());
    }
}
