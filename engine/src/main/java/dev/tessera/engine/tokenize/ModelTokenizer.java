package dev.tessera.engine.tokenize;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.XavierInitializer;
import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.runtime.TesseraRuntime;

import java.util.List;

/**
 * What every trainable tokenizer shares: a name, a DJL model on the runtime's device, seeded
 * initialisation, the input-size check and closing.
 *
 * @param <T> the kind of tokens
 */
public abstract class ModelTokenizer<T extends ImageTokens> implements TrainableTokenizer<T> {

    private final String name;
    private final Model model;

    ModelTokenizer(String name, Model model) {
        this.name = name;
        this.model = model;
    }

    /**
     * A model holding {@code block}, initialised for {@code side x side} RGB images with
     * weights fixed by {@code seed}: Xavier for weights (except those with their own
     * initialiser, e.g. learned queries), zeros for biases.
     */
    public static Model newModel(String name, Block block, int side, long seed) {
        TesseraRuntime.engine().setRandomSeed((int) seed);
        Model model = Model.newInstance(name, TesseraRuntime.device());
        block.setInitializer(new XavierInitializer(),
                p -> p.getType() == Parameter.Type.WEIGHT && !p.getName().equals("queries"));
        block.setInitializer(Initializer.ZEROS, Parameter.Type.BIAS);
        model.setBlock(block);
        block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 3, side, side));
        return model;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Model model() {
        return model;
    }

    /** Refuses images that are not {@link #imageSize()} square, naming the fix. */
    void checkSizes(List<RgbImage> images) {
        for (int i = 0; i < images.size(); i++) {
            RgbImage img = images.get(i);
            if (img.width() != imageSize() || img.height() != imageSize()) {
                throw new IllegalArgumentException("tokenizer " + name + " takes " + imageSize() + "x" + imageSize()
                        + " images but image " + i + " is " + img.width() + "x" + img.height()
                        + "; resize with Images.centreSquare or use Tessera.tokenize, which resizes");
            }
        }
    }

    @Override
    public void close() {
        model.close();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name + ", " + describe() + "]";
    }
}
