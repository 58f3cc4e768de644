package dev.tessera.engine.tokenize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.tessera.engine.quantize.QuantizeResult;
import dev.tessera.engine.quantize.Quantizer;

/**
 * Encoder -> quantizer (any variant) -> decoder as one block: a VQ-VAE when the quantizer is
 * a VQ, an RQ-VAE with a residual stack, an FSQ autoencoder with scalar quantization. Input:
 * images (N, 3, S, S) in [-1, 1]. Outputs: the reconstruction (N, 3, S, S) followed by the
 * five fields of the {@link QuantizeResult} over the N*g*g grid positions.
 */
public final class GridAutoencoder extends AbstractBlock {

    private final TokenizerConfig config;
    private final SequentialBlock encoder;
    private final Quantizer quantizer;
    private final SequentialBlock decoder;

    public GridAutoencoder(TokenizerConfig config) {
        this.config = config;
        encoder = addChildBlock("encoder", ConvNets.encoder(config));
        quantizer = addChildBlock("quantizer", config.quantizer().create());
        decoder = addChildBlock("decoder", ConvNets.decoder(config));
    }

    public Quantizer quantizer() {
        return quantizer;
    }

    /** Encoder outputs as rows (N*g*g, D), row-major over each image's grid. */
    public NDArray encodeRows(ParameterStore ps, NDArray images, boolean training) {
        NDArray z = encoder.forward(ps, new NDList(images), training).singletonOrThrow();
        return z.transpose(0, 2, 3, 1).reshape(-1, config.quantizer().codeDim());
    }

    /** Decodes code vectors given as rows (N*g*g, D) back to images (N, 3, S, S). */
    public NDArray decodeRows(ParameterStore ps, NDArray rows, boolean training) {
        int g = config.gridSize();
        NDArray grid = rows.reshape(-1, g, g, config.quantizer().codeDim()).transpose(0, 3, 1, 2);
        return decoder.forward(ps, new NDList(grid), training).singletonOrThrow();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray rows = encodeRows(ps, inputs.singletonOrThrow(), training);
        QuantizeResult q = quantizer.quantize(ps, rows, training);
        NDList out = new NDList(decodeRows(ps, q.quantized(), training));
        out.addAll(q.toList());
        return out;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        encoder.initialize(manager, dataType, inputShapes[0]);
        Shape z = encoder.getOutputShapes(new Shape[] {inputShapes[0]})[0];
        quantizer.initialize(manager, dataType, new Shape(z.get(0) * z.get(2) * z.get(3), z.get(1)));
        decoder.initialize(manager, dataType, z);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        long rows = in.get(0) * config.gridSize() * config.gridSize();
        Shape[] q = quantizer.getOutputShapes(new Shape[] {new Shape(rows, config.quantizer().codeDim())});
        Shape[] out = new Shape[1 + q.length];
        out[0] = in;
        System.arraycopy(q, 0, out, 1, q.length);
        return out;
    }
}
