package dev.tessera.engine.tokenize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.tessera.engine.nn.Tensors;
import dev.tessera.engine.quantize.QuantizeResult;
import dev.tessera.engine.quantize.Quantizer;

/**
 * Encoder -> quantizer (any variant) -> decoder as one block: a VQ-VAE when the quantizer is
 * a VQ, an RQ-VAE with a residual stack, an FSQ autoencoder with scalar quantization. Input:
 * images (N, 3, S, S) in [-1, 1]. Outputs: the reconstruction (N, 3, S, S) followed by the
 * five fields of the {@link QuantizeResult} over the N*g*g grid positions.
 *
 * <p>A semantic tokenizer ({@link TokenizerConfig#semantic()}, ILLUME arXiv 2412.06673) encodes
 * with a frozen feature encoder (its {@code backbone}) and an {@code adapter}, and has two
 * decoders: {@code features}, from codes back to the backbone's unit-length features, which is
 * what trains the adapter and codes, and the pixel {@code decoder}, which reads the codes through
 * a stop-gradient, so drawing pixels never shapes the codes. Its training output adds a seventh
 * array: the feature loss, 1 minus the mean cosine of reconstructed and true features.
 */
public final class GridAutoencoder extends AbstractBlock {

    private final TokenizerConfig config;
    private final SequentialBlock backbone;
    private final SequentialBlock encoder;
    private final Quantizer quantizer;
    private final SequentialBlock decoder;
    private final SequentialBlock featureDecoder;

    public GridAutoencoder(TokenizerConfig config) {
        this.config = config;
        SemanticFeatures s = config.semantic();
        if (s == null) {
            backbone = null;
            encoder = addChildBlock("encoder", ConvNets.encoder(config));
        } else {
            backbone = addChildBlock("backbone", ConvNets.encoder(s.hiddenChannels(), config.downsamplings(), s.featureDim()));
            encoder = addChildBlock("adapter", new SequentialBlock().add(ConvNets.conv(config.hiddenChannels(), 3, 1))
                    .add(Activation.reluBlock()).add(ConvNets.conv(config.quantizer().codeDim(), 1, 1)));
        }
        quantizer = addChildBlock("quantizer", config.quantizer().create());
        decoder = addChildBlock("decoder", ConvNets.decoder(config));
        featureDecoder = s == null ? null : addChildBlock("features", new SequentialBlock()
                .add(ConvNets.conv(config.hiddenChannels(), 3, 1)).add(Activation.reluBlock())
                .add(ConvNets.conv(config.hiddenChannels(), 3, 1)).add(Activation.reluBlock())
                .add(ConvNets.conv(s.featureDim(), 1, 1)));
    }

    public Quantizer quantizer() {
        return quantizer;
    }

    /** The frozen feature encoder of a semantic tokenizer, or null for a pixel one. */
    public SequentialBlock backbone() {
        return backbone;
    }

    /** Encoder outputs as rows (N*g*g, D), row-major over each image's grid. */
    public NDArray encodeRows(ParameterStore ps, NDArray images, boolean training) {
        NDArray z = encoder.forward(ps, new NDList(backbone == null ? images : semanticFeatures(ps, images)), training)
                .singletonOrThrow();
        return z.transpose(0, 2, 3, 1).reshape(-1, config.quantizer().codeDim());
    }

    /** The frozen backbone's features (N, F, g, g) of a semantic tokenizer; no gradient reaches the backbone. */
    public NDArray semanticFeatures(ParameterStore ps, NDArray images) {
        if (backbone == null) {
            throw new IllegalArgumentException("a pixel tokenizer has no semantic features");
        }
        return backbone.forward(ps, new NDList(images), false).singletonOrThrow().stopGradient();
    }

    /** Decodes code vectors given as rows (N*g*g, D) back to images (N, 3, S, S). */
    public NDArray decodeRows(ParameterStore ps, NDArray rows, boolean training) {
        return decoder.forward(ps, new NDList(grid(rows)), training).singletonOrThrow();
    }

    /** Rows (N*g*g, D) as a grid (N, D, g, g). */
    private NDArray grid(NDArray rows) {
        int g = config.gridSize();
        return rows.reshape(-1, g, g, config.quantizer().codeDim()).transpose(0, 3, 1, 2);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        if (backbone == null) {
            NDArray rows = encodeRows(ps, inputs.singletonOrThrow(), training);
            QuantizeResult q = quantizer.quantize(ps, rows, training);
            NDList out = new NDList(decodeRows(ps, q.quantized(), training));
            out.addAll(q.toList());
            return out;
        }
        NDArray f = semanticFeatures(ps, inputs.singletonOrThrow());
        NDArray z = encoder.forward(ps, new NDList(f), training).singletonOrThrow();
        QuantizeResult q = quantizer.quantize(ps, z.transpose(0, 2, 3, 1).reshape(-1, config.quantizer().codeDim()), training);
        NDList out = new NDList(decodeRows(ps, q.quantized().stopGradient(), training));
        out.addAll(q.toList());
        NDArray predicted = featureDecoder.forward(ps, new NDList(grid(q.quantized())), training).singletonOrThrow();
        NDArray cos = Tensors.l2normalize(predicted.transpose(0, 2, 3, 1))
                .mul(Tensors.l2normalize(f.transpose(0, 2, 3, 1))).sum(new int[] {-1});
        out.add(Tensors.scalar(cos, 1f).sub(cos.mean()));
        return out;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        Shape encoderIn = in;
        if (backbone != null) {
            backbone.initialize(manager, dataType, in);
            encoderIn = backbone.getOutputShapes(new Shape[] {in})[0];
        }
        encoder.initialize(manager, dataType, encoderIn);
        Shape z = encoder.getOutputShapes(new Shape[] {encoderIn})[0];
        quantizer.initialize(manager, dataType, new Shape(z.get(0) * z.get(2) * z.get(3), z.get(1)));
        decoder.initialize(manager, dataType, z);
        if (featureDecoder != null) {
            featureDecoder.initialize(manager, dataType, z);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        long rows = in.get(0) * config.gridSize() * config.gridSize();
        Shape[] q = quantizer.getOutputShapes(new Shape[] {new Shape(rows, config.quantizer().codeDim())});
        Shape[] out = new Shape[1 + q.length + (backbone == null ? 0 : 1)];
        out[0] = in;
        System.arraycopy(q, 0, out, 1, q.length);
        if (backbone != null) {
            out[out.length - 1] = new Shape();
        }
        return out;
    }
}
