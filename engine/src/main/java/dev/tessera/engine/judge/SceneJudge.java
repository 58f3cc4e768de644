package dev.tessera.engine.judge;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import dev.tessera.engine.tokenize.GridTokenizer;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.XavierInitializer;
import dev.tessera.engine.image.ImageTensors;
import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.runtime.TesseraRuntime;
import dev.tessera.engine.tokenize.ConvNets;

import java.util.ArrayList;
import java.util.List;

/**
 * A small convolutional object detector that lists the objects of a scene image, each with
 * its colour, shape and centre ({@link JudgeVerdict}), so that counts, colour attribution and
 * relations can be judged (as GenEval judges generated images with an object detector). It is
 * trained on synthetic scenes only ({@link JudgeTrainer}) and used only to score images, e.g.
 * those generated for a prompt; it never trains a generator:
 *
 * <pre>{@code
 * try (SceneJudge judge = JudgeCheckpoint.pretrained("judge-objects32")) {
 *     JudgeVerdict v = judge.judge(image);   // v.objects(): colour, shape, centre of each
 *     boolean ok = prompt.satisfiedBy(v);    // a ScenePrompt, e.g. "a red circle and a blue square"
 * }
 * }</pre>
 *
 * <p>The network is the tokenizers' convolutional encoder ({@link ConvNets#encoder}) down to a
 * grid of at least 8x8 cells, then a 3x3 convolution and a 1x1 one to
 * {@value JudgeHeads#PER_CELL} logits per cell, laid out as {@link JudgeHeads} says (a
 * CenterNet-style detector: one cell per object centre). A judge may instead read a grid
 * tokenizer's ids with a small transformer ({@link JudgeConfig}, {@link TokenReader}): the
 * assessor of ILLUME's self-enhancement, which must not share the judge's architecture. Not
 * thread-safe; close it to free native memory.
 */
public final class SceneJudge implements AutoCloseable {

    /** Images per forward pass when judging: bounds memory for long lists. */
    private static final int BATCH = 256;

    private final String name;
    private final JudgeConfig config;
    private final Model model;
    /** The tokenizer whose ids a token reader reads; null for a judge of pixels. */
    private final GridTokenizer tokenizer;

    SceneJudge(String name, JudgeConfig config, Model model, GridTokenizer tokenizer) {
        this.name = name;
        this.config = config;
        this.model = model;
        this.tokenizer = tokenizer;
    }

    /** A freshly initialised judge; {@code seed} fixes the initial weights. */
    public static SceneJudge create(String name, JudgeConfig config, long seed) {
        GridTokenizer tokens = config.readsTokens() ? TokenReader.tokenizer(config) : null;
        try {
            Block net = tokens != null ? TokenReader.network(config, tokens) : new SequentialBlock()
                    .add(ConvNets.encoder(config.channels(), config.downsamplings(), config.features()))
                    .add(Activation.reluBlock())
                    .add(ConvNets.conv(config.hidden(), 3, 1))
                    .add(Activation.reluBlock())
                    .add(ConvNets.conv(JudgeHeads.PER_CELL, 1, 1));
            TesseraRuntime.engine().setRandomSeed((int) seed);
            Model model = Model.newInstance(name, TesseraRuntime.device());
            net.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
            net.setInitializer(Initializer.ZEROS, Parameter.Type.BIAS);
            model.setBlock(net);
            net.initialize(model.getNDManager(), DataType.FLOAT32, tokens != null
                    ? new Shape(1, TokenReader.positions(tokens)) : new Shape(1, 3, config.imageSize(), config.imageSize()));
            return new SceneJudge(name, config, model, tokens);
        } catch (RuntimeException e) {
            if (tokens != null) {
                tokens.close();
            }
            throw e;
        }
    }

    /** The checkpoint name, e.g. {@code judge-objects32}. */
    public String name() {
        return name;
    }

    public JudgeConfig config() {
        return config;
    }

    /** Side of the square images it reads. */
    public int imageSize() {
        return config.imageSize();
    }

    /** The DJL model whose block is trained. */
    public Model model() {
        return model;
    }

    /** Parameters of the network. */
    public long parameterCount() {
        return model.getBlock().getParameters().stream().mapToLong(p -> p.getValue().getArray().size()).sum();
    }

    /** The verdict on each image, in order; every image must be {@link #imageSize()} square. */
    public List<JudgeVerdict> judge(List<RgbImage> images) {
        checkSizes(images);
        List<JudgeVerdict> out = new ArrayList<>(images.size());
        for (int from = 0; from < images.size(); from += BATCH) {
            List<RgbImage> batch = images.subList(from, Math.min(images.size(), from + BATCH));
            try (NDManager m = TesseraRuntime.newManager()) {
                float[] all = logits(new ParameterStore(m, false), inputs(batch, m), false).toFloatArray();
                int per = JudgeHeads.PER_CELL * config.gridSize() * config.gridSize();
                for (int i = 0; i < batch.size(); i++) {
                    float[] cells = new float[per];
                    System.arraycopy(all, i * per, cells, 0, per);
                    out.add(JudgeVerdict.fromCells(cells, config.gridSize(), config.imageSize()));
                }
            }
        }
        return out;
    }

    /** The verdict on one image. */
    public JudgeVerdict judge(RgbImage image) {
        return judge(List.of(image)).get(0);
    }

    /**
     * What the network reads of {@code images}: (N, 3, S, S) pixels in [-1, 1], or for a token
     * reader its tokenizer's (N, g*g) ids.
     */
    NDArray inputs(List<RgbImage> images, NDManager m) {
        return tokenizer == null ? ImageTensors.toTensor(images, m) : TokenReader.ids(tokenizer, images, m);
    }

    /** The network's inputs to (N, {@value JudgeHeads#PER_CELL}, g, g) logits. */
    NDArray logits(ParameterStore ps, NDArray images, boolean training) {
        return model.getBlock().forward(ps, new NDList(images), training).singletonOrThrow();
    }

    private void checkSizes(List<RgbImage> images) {
        int s = imageSize();
        for (int i = 0; i < images.size(); i++) {
            RgbImage img = images.get(i);
            if (img.width() != s || img.height() != s) {
                throw new IllegalArgumentException("judge " + name + " reads " + s + "x" + s + " images but image " + i
                        + " is " + img.width() + "x" + img.height() + "; resize it to " + s + "x" + s
                        + " first (Images.centreSquare), or draw scenes with SceneConfig.withSize(" + s + ")");
            }
        }
    }

    @Override
    public void close() {
        model.close();
        if (tokenizer != null) {
            tokenizer.close();
        }
    }

    @Override
    public String toString() {
        return "SceneJudge[" + name + ", " + config.imageSize() + "px, " + (tokenizer == null ? "" : "reads " + config.reads()
                + " ids, ") + parameterCount() + " parameters]";
    }
}
