package dev.tessera.engine.tokenize;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.tessera.engine.cluster.Clustering;
import dev.tessera.engine.image.ImageTensors;
import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.quantize.Quantizer;
import dev.tessera.engine.runtime.TesseraRuntime;

import java.util.ArrayList;
import java.util.List;

/**
 * The SeTok-style dynamic tokenizer (arXiv 2406.05127): an image becomes as many tokens as
 * it has semantic units (clusters of similar patches), so a busy scene gets more tokens than
 * an empty one, and a variable set of tokens decodes back to an image. See
 * {@link ClusterAutoencoder} for the architecture.
 */
public final class ClusterTokenizer extends ModelTokenizer<TokenSet> {

    private final ClusterTokenizerConfig config;
    private final ClusterAutoencoder block;

    ClusterTokenizer(String name, ClusterTokenizerConfig config, Model model) {
        super(name, model);
        this.config = config;
        this.block = (ClusterAutoencoder) model.getBlock();
    }

    /** A freshly initialised tokenizer; {@code seed} fixes the initial weights. */
    public static ClusterTokenizer create(String name, ClusterTokenizerConfig config, long seed) {
        return new ClusterTokenizer(name, config, newModel(name, new ClusterAutoencoder(config), config.imageSize(), seed));
    }


    @Override
    public int imageSize() {
        return config.imageSize();
    }

    public ClusterTokenizerConfig config() {
        return config;
    }

    @Override
    public String describe() {
        return "SeTok " + config.quantizer().codebookSize() + " codes, " + config.gridSize() + "x" + config.gridSize()
                + " patches, up to " + config.clustering().maxCentres() + " tokens";
    }


    public ClusterAutoencoder block() {
        return block;
    }

    @Override
    public Quantizer quantizer() {
        return block.quantizer();
    }

    @Override
    public NDArray quantizerInputs(ParameterStore ps, NDArray images) {
        return block.quantizerInputs(ps, images);
    }

    @Override
    public void quantizing(boolean on) {
        block.quantizing(on);
    }

    @Override
    public List<TokenSet> encode(List<RgbImage> images) {
        checkSizes(images);
        try (NDManager m = TesseraRuntime.newManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            NDArray x = ImageTensors.toTensor(images, m);
            NDArray f = block.features(ps, x, false);
            ClusterAutoencoder.Layout layout = block.cluster(x, f);
            NDArray rows = block.pool(ps, f, layout, false);
            long[] ids = block.quantizer().quantize(ps, rows, false).indices().toLongArray();
            List<TokenSet> out = new ArrayList<>(images.size());
            int t = 0;
            for (Clustering c : layout.clusterings()) {
                int[] tokenIds = new int[c.count()];
                for (int j = 0; j < tokenIds.length; j++) {
                    tokenIds[j] = (int) ids[t++];
                }
                out.add(new TokenSet(config.gridSize(), tokenIds, c.centres().clone(), c.assignment().clone(),
                        config.quantizer().codebookSize()));
            }
            return out;
        }
    }

    @Override
    public List<RgbImage> decode(List<TokenSet> sets) {
        List<Clustering> clusterings = new ArrayList<>(sets.size());
        List<Long> ids = new ArrayList<>();
        for (TokenSet s : sets) {
            if (s.side() != config.gridSize() || s.codebookSize() != config.quantizer().codebookSize()) {
                throw new IllegalArgumentException("tokenizer " + name() + " decodes token sets on a " + config.gridSize()
                        + "x" + config.gridSize() + " grid over " + config.quantizer().codebookSize() + " codes, got "
                        + s.side() + "x" + s.side() + " over " + s.codebookSize());
            }
            clusterings.add(new Clustering(s.assignment(), s.centres()));
            for (int id : s.ids()) {
                ids.add((long) id);
            }
        }
        try (NDManager m = TesseraRuntime.newManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            long[] flat = ids.stream().mapToLong(Long::longValue).toArray();
            NDArray tokens = block.quantizer().codes(ps, m.create(flat, new Shape(flat.length, 1)));
            return ImageTensors.fromTensor(block.decodeTokens(ps, tokens, new ClusterAutoencoder.Layout(clusterings), false));
        }
    }

    @Override
    public int codebookSize() {
        return config.quantizer().codebookSize();
    }

    @Override
    public List<RgbImage> decodeCodes(int[] codes) {
        int g = config.gridSize();
        int centre = (g / 2) * g + g / 2;
        List<TokenSet> sets = new ArrayList<>(codes.length);
        for (int code : codes) {
            sets.add(new TokenSet(g, new int[] {code}, new int[] {centre}, new int[g * g], codebookSize()));
        }
        return decode(sets);
    }


}
