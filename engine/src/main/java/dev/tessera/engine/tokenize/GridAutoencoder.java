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
import dev.tessera.engine.quantize.VectorQuantizer;

/**
 * Encoder -> vector quantizer -> decoder as one block (a VQ-VAE). Input: images (N, 3, S, S)
 * in [-1, 1]. Outputs: reconstruction (N, 3, S, S), indices (N*g*g), commitment loss,
 * usage (K), and the detached encoder outputs (N*g*g, D) for the codebook's EMA step.
 */
public final class VqAutoencoder extends AbstractBlock {

    private final TokenizerConfig config;
    private final SequentialBlock encoder;
    private final VectorQuantizer quantizer;
    private final SequentialBlock decoder;

    public VqAutoencoder(TokenizerConfig config) {
        this.config = config;
        encoder = addChildBlock("encoder", ConvNets.encoder(config));
        quantizer = addChildBlock("quantizer", new VectorQuantizer(config.quantizer()));
        decoder = addChildBlock("decoder", ConvNets.decoder(config));
    }

    public VectorQuantizer quantizer() {
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
        QuantizeResult q = quantizer.quantize(rows, training);
        NDArray recon = decodeRows(ps, q.quantized(), training);
        return new NDList(recon, q.indices(), q.commitmentLoss(), q.usage(), rows.stopGradient());
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
        return new Shape[] {in, new Shape(rows), new Shape(), new Shape(config.quantizer().codebookSize()),
            new Shape(rows, config.quantizer().codeDim())};
    }
}
