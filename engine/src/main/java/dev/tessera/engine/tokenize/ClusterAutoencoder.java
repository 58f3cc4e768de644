package dev.tessera.engine.tokenize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import dev.tessera.engine.cluster.Clustering;
import dev.tessera.engine.cluster.DensityPeakClustering;
import dev.tessera.engine.nn.CrossAttention;
import dev.tessera.engine.nn.SinusoidalPositions;
import dev.tessera.engine.nn.Tensors;
import dev.tessera.engine.quantize.QuantizeResult;
import dev.tessera.engine.quantize.VectorQuantizer;

import java.util.ArrayList;
import java.util.List;

import static dev.tessera.engine.nn.Tensors.scalar;

/**
 * The SeTok-style autoencoder (arXiv 2406.05127) as one block: patch encoder -> DPC-kNN
 * clusters -> one pooled vector per cluster (mean of member features, then a linear merger)
 * -> VQ -> tokens plus the position embedding of their centre -> cross-attention from learned
 * per-patch queries -> convolutional decoder. Clustering happens on the host and is not
 * differentiated; gradients reach the encoder through the pooling.
 *
 * <p>Output of {@code forward}: the reconstruction, then the five fields of the
 * {@link QuantizeResult} over all tokens of the batch.
 */
public final class ClusterAutoencoder extends AbstractBlock {

    /** Token layout of a batch: per image, its clustering. */
    public record Layout(List<Clustering> clusterings) {
        int maxTokens() {
            return clusterings.stream().mapToInt(Clustering::count).max().orElse(0);
        }

        int totalTokens() {
            return clusterings.stream().mapToInt(Clustering::count).sum();
        }
    }

    private final ClusterTokenizerConfig config;
    private final SequentialBlock encoder;
    private final Linear merger;
    private final VectorQuantizer quantizer;
    private final Parameter queries;
    private final List<CrossAttention> layers = new ArrayList<>();
    private final SequentialBlock decoder;
    private final DensityPeakClustering dpc;
    private final float[] positions;
    /** {@code positions} scaled to unit rows, what FEATURES clustering adds: fixed, so made once. */
    private final float[] unitPositions;
    private boolean quantizing = true;

    public ClusterAutoencoder(ClusterTokenizerConfig config) {
        this.config = config;
        int w = config.width();
        encoder = addChildBlock("encoder", ConvNets.encoder(config.hiddenChannels(), config.downsamplings(), w));
        merger = addChildBlock("merger", Linear.builder().setUnits(w).build());
        quantizer = addChildBlock("quantizer", new VectorQuantizer(config.quantizer()));
        for (int i = 0; i < config.decoderLayers(); i++) {
            layers.add(addChildBlock("cross" + i, new CrossAttention(w, config.heads())));
        }
        decoder = addChildBlock("decoder", ConvNets.decoder(config.hiddenChannels(), config.downsamplings()));
        queries = addParameter(Parameter.builder().setName("queries").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(config.patches(), w)).optInitializer(new NormalInitializer(0.02f)).build());
        dpc = new DensityPeakClustering(config.clustering());
        positions = SinusoidalPositions.grid(config.gridSize(), config.gridSize(), w);
        unitPositions = unitRows(positions, config.patches(), w);
    }

    public VectorQuantizer quantizer() {
        return quantizer;
    }

    void quantizing(boolean on) {
        quantizing = on;
    }

    /** Patch features (B, P, W). */
    NDArray features(ParameterStore ps, NDArray images, boolean training) {
        NDArray f = encoder.forward(ps, new NDList(images), training).singletonOrThrow();
        return f.reshape(f.getShape().get(0), config.width(), config.patches()).transpose(0, 2, 1);
    }

    /** DPC-kNN of every image, on what {@link ClusterTokenizerConfig#clusterOn()} names. */
    Layout cluster(NDArray images, NDArray features) {
        int b = (int) features.getShape().get(0);
        int p = config.patches();
        boolean pixels = config.clusterOn() == ClusterTokenizerConfig.ClusterInput.PIXELS;
        int w = pixels ? 5 : config.width();
        float[] x = pixels ? patchColours(images) : Tensors.l2normalize(features.stopGradient()).toFloatArray();
        float[] pos = unitPositions;
        int g = config.gridSize();
        float a = (float) config.positionWeight();
        List<Clustering> out = new ArrayList<>(b);
        for (int i = 0; i < b; i++) {
            float[] one = new float[p * w];
            for (int patch = 0; patch < p; patch++) {
                if (pixels) {
                    System.arraycopy(x, (i * p + patch) * 3, one, patch * 5, 3);
                    one[patch * 5 + 3] = a * (patch / g) / g;
                    one[patch * 5 + 4] = a * (patch % g) / g;
                } else {
                    for (int j = 0; j < w; j++) {
                        one[patch * w + j] = x[(i * p + patch) * w + j] + a * pos[patch * w + j];
                    }
                }
            }
            out.add(dpc.cluster(one, p, w));
        }
        return new Layout(out);
    }

    /** Mean colour in [0, 1] of every patch, (B, P, 3) flattened. */
    private float[] patchColours(NDArray images) {
        Shape s = images.getShape();
        int g = config.gridSize();
        long k = s.get(2) / g;
        return images.stopGradient().add(scalar(images, 1f)).mul(scalar(images, 0.5f)).reshape(s.get(0), 3, g, k, g, k).mean(new int[] {5}).mean(new int[] {3})
                .transpose(0, 2, 3, 1).toFloatArray();
    }

    /** One merged vector per cluster, all images' tokens stacked: (V, W). */
    NDArray pool(ParameterStore ps, NDArray features, Layout layout, boolean training) {
        NDManager m = features.getManager();
        int p = config.patches();
        int v = layout.totalTokens();
        int b = layout.clusterings().size();
        // mean pooling as one matmul: row t of A averages the patches of token t
        float[] a = new float[v * b * p];
        int t = 0;
        for (int i = 0; i < b; i++) {
            Clustering c = layout.clusterings().get(i);
            int[] sizes = c.sizes();
            for (int patch = 0; patch < p; patch++) {
                int tok = t + c.assignment()[patch];
                a[(tok * b + i) * p + patch] = 1f / sizes[c.assignment()[patch]];
            }
            t += c.count();
        }
        NDArray pooled = m.create(a, new Shape(v, (long) b * p)).matMul(features.reshape((long) b * p, config.width()));
        return merger.forward(ps, new NDList(pooled), training).singletonOrThrow();
    }

    /** Rebuilds images from token vectors (V, W) laid out as {@code layout}. */
    NDArray decodeTokens(ParameterStore ps, NDArray tokens, Layout layout, boolean training) {
        NDManager m = tokens.getManager();
        int b = layout.clusterings().size();
        int mx = layout.maxTokens();
        int v = layout.totalTokens();
        int w = config.width();
        int p = config.patches();
        float[] scatter = new float[b * mx * v];
        float[] centrePos = new float[b * mx * w];
        float[] mask = new float[b * mx];
        int t = 0;
        for (int i = 0; i < b; i++) {
            Clustering c = layout.clusterings().get(i);
            for (int j = 0; j < c.count(); j++, t++) {
                scatter[(i * mx + j) * v + t] = 1f;
                mask[i * mx + j] = 1f;
                System.arraycopy(positions, c.centres()[j] * w, centrePos, (i * mx + j) * w, w);
            }
        }
        NDArray ctx = m.create(scatter, new Shape((long) b * mx, v)).matMul(tokens).reshape(b, mx, w)
                .add(m.create(centrePos, new Shape(b, mx, w)));
        NDArray q = Tensors.local(ps.getValue(queries, tokens.getDevice(), training), m)
                .add(m.create(positions, new Shape(p, w))).expandDims(0).repeat(0, b);
        NDArray maskArr = m.create(mask, new Shape(b, mx));
        for (CrossAttention layer : layers) {
            q = layer.forward(ps, new NDList(q, ctx, maskArr), training).singletonOrThrow();
        }
        int g = config.gridSize();
        NDArray grid = q.transpose(0, 2, 1).reshape(b, w, g, g);
        return decoder.forward(ps, new NDList(grid), training).singletonOrThrow();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray images = inputs.singletonOrThrow();
        NDArray f = features(ps, images, training);
        Layout layout = cluster(images, f);
        NDArray rows = pool(ps, f, layout, training);
        QuantizeResult q = quantizing ? quantizer.quantize(ps, rows, training) : unquantized(rows);
        NDList out = new NDList(decodeTokens(ps, q.quantized(), layout, training));
        out.addAll(q.toList());
        return out;
    }

    private QuantizeResult unquantized(NDArray rows) {
        NDManager m = rows.getManager();
        long v = rows.getShape().get(0);
        int k = config.quantizer().codebookSize();
        return new QuantizeResult(rows, m.zeros(new Shape(v, 1), DataType.INT64), m.zeros(new Shape()),
                m.zeros(new Shape(1, k)), rows.stopGradient().reshape(v, 1, config.width()));
    }

    private static float[] unitRows(float[] x, int n, int w) {
        float[] out = new float[x.length];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < w; j++) {
                s += x[i * w + j] * x[i * w + j];
            }
            float inv = (float) (1 / Math.sqrt(Math.max(s, 1e-12)));
            for (int j = 0; j < w; j++) {
                out[i * w + j] = x[i * w + j] * inv;
            }
        }
        return out;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long b = inputShapes[0].get(0);
        int w = config.width();
        int p = config.patches();
        int g = config.gridSize();
        encoder.initialize(manager, dataType, inputShapes[0]);
        merger.initialize(manager, dataType, new Shape(b, w));
        quantizer.initialize(manager, dataType, new Shape(b, w));
        for (CrossAttention layer : layers) {
            layer.initialize(manager, dataType, new Shape(b, p, w), new Shape(b, 4, w), new Shape(b, 4));
        }
        decoder.initialize(manager, dataType, new Shape(b, w, g, g));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    /** The clustering of each image (for pictures and token counts). */
    public Layout clusterImages(ParameterStore ps, NDArray images) {
        return cluster(images, features(ps, images, false));
    }

    /** The pooled vectors the quantizer sees for these images. */
    NDArray quantizerInputs(ParameterStore ps, NDArray images) {
        NDArray f = features(ps, images, false);
        return pool(ps, f, cluster(images, f), false);
    }

}
