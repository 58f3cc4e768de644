package dev.tessera.engine.tokenize;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.initializer.Initializer;
import dev.tessera.engine.image.ImageTensors;
import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.runtime.TesseraRuntime;

import java.util.ArrayList;
import java.util.List;

/**
 * A convolutional VQ-VAE image tokenizer (the UniCode tokenizer at small scale): an image
 * becomes a grid of code ids, and a grid of ids decodes back to an image.
 *
 * <p>Create one with {@link #create} (random, to train), or load a checkpoint with
 * {@link TokenizerCheckpoint}. Not thread-safe; close it to free native memory.
 */
public final class VqTokenizer implements ImageTokenizer {

    private final String name;
    private final TokenizerConfig config;
    private final Model model;
    private final VqAutoencoder block;

    VqTokenizer(String name, TokenizerConfig config, Model model) {
        this.name = name;
        this.config = config;
        this.model = model;
        this.block = (VqAutoencoder) model.getBlock();
    }

    /** A freshly initialised tokenizer; {@code seed} fixes the initial weights. */
    public static VqTokenizer create(String name, TokenizerConfig config, long seed) {
        TesseraRuntime.engine().setRandomSeed((int) seed);
        Model model = Model.newInstance(name, TesseraRuntime.device());
        VqAutoencoder block = new VqAutoencoder(config);
        block.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
        block.setInitializer(Initializer.ZEROS, Parameter.Type.BIAS);
        model.setBlock(block);
        block.initialize(model.getNDManager(), DataType.FLOAT32, inputShape(config, 1));
        return new VqTokenizer(name, config, model);
    }

    static Shape inputShape(TokenizerConfig config, int batch) {
        return new Shape(batch, 3, config.imageSize(), config.imageSize());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int imageSize() {
        return config.imageSize();
    }

    public TokenizerConfig config() {
        return config;
    }

    /** The DJL model (for trainers and checkpoints). */
    public Model model() {
        return model;
    }

    /** The VQ-VAE block. */
    public VqAutoencoder block() {
        return block;
    }

    @Override
    public List<TokenGrid> encode(List<RgbImage> images) {
        for (int i = 0; i < images.size(); i++) {
            RgbImage img = images.get(i);
            if (img.width() != imageSize() || img.height() != imageSize()) {
                throw new IllegalArgumentException("tokenizer " + name + " takes " + imageSize() + "x" + imageSize()
                        + " images but image " + i + " is " + img.width() + "x" + img.height()
                        + "; resize with Images.centreSquare or use Tessera.tokenize(path), which resizes");
            }
        }
        int g = config.gridSize();
        int k = config.quantizer().codebookSize();
        try (NDManager m = TesseraRuntime.newManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            NDArray rows = block.encodeRows(ps, ImageTensors.toTensor(images, m), false);
            long[] ids = block.quantizer().quantize(rows, false).indices().toLongArray();
            List<TokenGrid> out = new ArrayList<>(images.size());
            for (int i = 0; i < images.size(); i++) {
                int[] grid = new int[g * g];
                for (int j = 0; j < grid.length; j++) {
                    grid[j] = (int) ids[i * grid.length + j];
                }
                out.add(new TokenGrid(g, g, grid, k));
            }
            return out;
        }
    }

    @Override
    public List<RgbImage> decode(List<TokenGrid> grids) {
        int g = config.gridSize();
        int k = config.quantizer().codebookSize();
        long[] ids = new long[grids.size() * g * g];
        for (int i = 0; i < grids.size(); i++) {
            TokenGrid t = grids.get(i);
            if (t.rows() != g || t.cols() != g || t.codebookSize() != k) {
                throw new IllegalArgumentException("tokenizer " + name + " decodes " + g + "x" + g + " grids over "
                        + k + " codes, got " + t.rows() + "x" + t.cols() + " over " + t.codebookSize());
            }
            for (int j = 0; j < g * g; j++) {
                ids[i * g * g + j] = t.ids()[j];
            }
        }
        try (NDManager m = TesseraRuntime.newManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            NDArray codes = block.quantizer().codes(m.create(ids));
            return ImageTensors.fromTensor(block.decodeRows(ps, codes, false));
        }
    }

    @Override
    public void close() {
        model.close();
    }

    @Override
    public String toString() {
        return "VqTokenizer[" + name + ", " + config.imageSize() + "px -> " + config.gridSize() + "x"
                + config.gridSize() + " tokens, K=" + config.quantizer().codebookSize() + "]";
    }
}
