package dev.tessera.engine.semantic;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.tessera.engine.image.ImageTensors;
import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.nn.Tensors;
import dev.tessera.engine.runtime.TesseraRuntime;
import dev.tessera.engine.tokenize.ConvNets;
import dev.tessera.engine.tokenize.GridAutoencoder;
import dev.tessera.engine.tokenize.GridTokenizer;
import dev.tessera.engine.tokenize.ModelTokenizer;

import java.util.ArrayList;
import java.util.List;

/**
 * ILLUME's semantic encoder (arXiv 2412.06673) at Tessera's scale: a small convolutional network
 * whose features at each grid position are trained without captions or questions ({@link SemanticTrainer}:
 * contrastive on two views of the same scene), so they carry what the views share (which
 * objects, of what colour and shape) and drop what differs (exact placement, blur, noise). A
 * semantic tokenizer holds a frozen copy of its backbone ({@link #copyBackboneInto}) and learns
 * codes that reconstruct these features. Not thread-safe; close it to free native memory.
 */
public final class SemanticEncoder implements AutoCloseable {

    private final String name;
    private final SemanticEncoderConfig config;
    private final Model model;
    private final Network network;

    private SemanticEncoder(String name, SemanticEncoderConfig config, Model model) {
        this.name = name;
        this.config = config;
        this.model = model;
        this.network = (Network) model.getBlock();
    }

    /** A freshly initialised encoder; {@code seed} fixes the initial weights. */
    public static SemanticEncoder create(String name, SemanticEncoderConfig config, long seed) {
        return new SemanticEncoder(name, config, ModelTokenizer.newModel(name, new Network(config), config.imageSize(), seed));
    }

    public String name() {
        return name;
    }

    public SemanticEncoderConfig config() {
        return config;
    }

    /** The DJL model (block: the backbone and the projection head). */
    public Model model() {
        return model;
    }

    /**
     * Unit-length features of each image at each grid position, {@code [image][position][feature]},
     * positions row-major: what a semantic tokenizer reconstructs.
     */
    public float[][][] features(List<RgbImage> images) {
        int positions = config.gridSize() * config.gridSize();
        int f = config.featureDim();
        float[][][] out = new float[images.size()][positions][f];
        for (int start = 0; start < images.size(); start += PASS) {
            List<RgbImage> pass = images.subList(start, Math.min(images.size(), start + PASS));
            for (RgbImage img : pass) {
                if (img.width() != config.imageSize() || img.height() != config.imageSize()) {
                    throw new IllegalArgumentException("semantic encoder " + name + " takes " + config.imageSize() + "x"
                            + config.imageSize() + " images, got " + img.width() + "x" + img.height());
                }
            }
            try (NDManager m = TesseraRuntime.newManager()) {
                NDArray x = network.backbone.forward(new ParameterStore(m, false), new NDList(ImageTensors.toTensor(pass, m)),
                        false).singletonOrThrow();
                float[] flat = Tensors.l2normalize(x.transpose(0, 2, 3, 1)).toFloatArray();
                for (int i = 0; i < pass.size(); i++) {
                    for (int p = 0; p < positions; p++) {
                        System.arraycopy(flat, (i * positions + p) * f, out[start + i][p], 0, f);
                    }
                }
            }
        }
        return out;
    }

    /** Images per pass through the network. */
    private static final int PASS = 64;

    /**
     * Copies this encoder's backbone weights into {@code tokenizer}'s frozen backbone: how a
     * semantic tokenizer gets the features it learns to reconstruct before it trains. The two
     * architectures must match ({@link SemanticEncoderConfig#asBackbone}).
     */
    public void copyBackboneInto(GridTokenizer tokenizer) {
        GridAutoencoder block = tokenizer.block();
        if (block.backbone() == null) {
            throw new IllegalArgumentException("tokenizer " + tokenizer.name() + " (" + tokenizer.describe()
                    + ") is a pixel tokenizer: it has no semantic backbone to fill");
        }
        PairList<String, Parameter> from = network.backbone.getParameters();
        PairList<String, Parameter> to = block.backbone().getParameters();
        if (from.size() != to.size()) {
            throw new IllegalArgumentException("semantic encoder " + name + " has " + from.size() + " backbone weights but "
                    + "tokenizer " + tokenizer.name() + "'s backbone has " + to.size() + "; build the tokenizer with "
                    + "SemanticEncoderConfig.asBackbone of this encoder");
        }
        for (int i = 0; i < from.size(); i++) {
            NDArray src = from.get(i).getValue().getArray();
            Parameter dst = to.get(i).getValue();
            if (!src.getShape().equals(dst.getArray().getShape())) {
                throw new IllegalArgumentException("backbone weight " + to.get(i).getKey() + " is "
                        + dst.getArray().getShape() + " in the tokenizer but " + src.getShape() + " in the semantic encoder "
                        + name + "; build the tokenizer with SemanticEncoderConfig.asBackbone of this encoder");
            }
            Tensors.replace(dst, src);
        }
    }

    @Override
    public void close() {
        model.close();
    }

    /** The backbone (features) and projection head (contrastive loss only): outputs features (N, F, g, g), projections (N, P, g, g). */
    static final class Network extends AbstractBlock {

        final SequentialBlock backbone;
        final SequentialBlock head;

        Network(SemanticEncoderConfig c) {
            backbone = addChildBlock("backbone", ConvNets.encoder(c.hiddenChannels(), c.downsamplings(), c.featureDim()));
            head = addChildBlock("head", new SequentialBlock().add(Activation.reluBlock())
                    .add(ConvNets.conv(c.hiddenChannels(), 1, 1)).add(Activation.reluBlock())
                    .add(ConvNets.conv(c.projectionDim(), 1, 1)));
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
            NDArray f = backbone.forward(ps, inputs, training).singletonOrThrow();
            return new NDList(f, head.forward(ps, new NDList(f), training).singletonOrThrow());
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            backbone.initialize(manager, dataType, inputShapes[0]);
            head.initialize(manager, dataType, backbone.getOutputShapes(inputShapes)[0]);
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            Shape f = backbone.getOutputShapes(inputShapes)[0];
            return new Shape[] {f, head.getOutputShapes(new Shape[] {f})[0]};
        }
    }
}
