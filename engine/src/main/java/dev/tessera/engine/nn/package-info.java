/**
 * Neural-network building blocks and tensor helpers shared by the tokenizers, quantizers, judge
 * and language model, written from DJL primitives where DJL's own blocks do not fit.
 *
 * <ul>
 *   <li>{@link dev.tessera.engine.nn.Tensors}: how the engine makes constants, per-step views
 *       of parameters and in-place parameter updates. Every constant operand comes from
 *       {@link dev.tessera.engine.nn.Tensors#scalar}, never from DJL's {@code NDArray.mul(Number)}
 *       family, whose scalar memory can be freed before the backward pass reads it (the method
 *       says why; a test enforces the rule).</li>
 *   <li>{@link dev.tessera.engine.nn.ConvolutionPath} and {@link dev.tessera.engine.nn.GemmConv2d}:
 *       convolutions keep off oneDNN's AVX-512 backward kernel, which returns non-finite input
 *       gradients, either by capping oneDNN's instruction set or by computing the convolution as
 *       im2col plus one matrix product.</li>
 *   <li>{@link dev.tessera.engine.nn.CrossAttention} and
 *       {@link dev.tessera.engine.nn.SinusoidalPositions}: the pre-LN cross-attention layer and the
 *       fixed 2D position embeddings of the SeTok-style cluster tokenizer (arXiv 2406.05127).</li>
 * </ul>
 */
package dev.tessera.engine.nn;
