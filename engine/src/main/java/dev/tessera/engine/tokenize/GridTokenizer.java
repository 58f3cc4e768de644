package dev.tessera.engine.tokenize;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.tessera.engine.image.ImageTensors;
import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.quantize.Quantizer;
import dev.tessera.engine.quantize.VectorQuantizer;
import dev.tessera.engine.quantize.VqConfig;
import dev.tessera.engine.runtime.IntraOpThreads;
import dev.tessera.engine.runtime.TesseraRuntime;

import java.util.ArrayList;
import java.util.List;

/**
 * A convolutional grid tokenizer (UniCode's tokenizer at small scale): an image becomes a
 * grid of code ids through any quantizer variant (VQ, residual VQ, FSQ), and a grid of ids
 * decodes back to an image. With a residual quantizer, {@link #decode(TokenGrid, int)}
 * decodes from the first levels only.
 *
 * <p>Create one with {@link #create} (random, to train), or load a checkpoint with
 * {@link TokenizerCheckpoint}. Not thread-safe; close it to free native memory.
 */
public final class GridTokenizer extends ModelTokenizer<TokenGrid> {

    private final TokenizerConfig config;
    private final GridAutoencoder block;

    GridTokenizer(String name, TokenizerConfig config, Model model) {
        super(name, model);
        this.config = config;
        this.block = (GridAutoencoder) model.getBlock();
    }

    /** A freshly initialised tokenizer; {@code seed} fixes the initial weights. */
    public static GridTokenizer create(String name, TokenizerConfig config, long seed) {
        return new GridTokenizer(name, config, newModel(name, new GridAutoencoder(config), config.imageSize(), seed));
    }


    @Override
    public int imageSize() {
        return config.imageSize();
    }

    public TokenizerConfig config() {
        return config;
    }

    /** Ids per grid position: 1, or the depth of a residual stack. */
    public int depth() {
        return config.quantizer().depth();
    }

    @Override
    public String describe() {
        return config.quantizer().describe() + ", " + config.gridSize() + "x" + config.gridSize() + " grid";
    }


    @Override
    public Quantizer quantizer() {
        return block.quantizer();
    }

    @Override
    public NDArray quantizerInputs(ParameterStore ps, NDArray images) {
        return block.encodeRows(ps, images, false);
    }

    @Override
    public void quantizing(boolean on) {
        if (!on) {
            throw new IllegalArgumentException("grid tokenizers always quantize; set quantizerWarmupSteps to 0");
        }
    }

    /** The autoencoder block. */
    public GridAutoencoder block() {
        return block;
    }

    /**
     * Images per pass through the networks. A larger batch is cut into passes of this many: the
     * convolutions' activations of 16 images of 64 px (about 13 MB per layer) stay in the CPU's
     * caches, those of 256 do not, and one pass over 256 images was slower per image than 16
     * separate ones (VQ encode on one thread: 152 images/s at 256 against 256 at 16).
     */
    static final int PASS = 16;

    @Override
    public List<TokenGrid> encode(List<RgbImage> images) {
        checkSizes(images);
        int g = config.gridSize();
        int per = g * g * depth();
        List<TokenGrid> out = new ArrayList<>(images.size());
        for (int start = 0; start < images.size(); start += PASS) {
            List<RgbImage> pass = images.subList(start, Math.min(images.size(), start + PASS));
            // a single image's encoder pass: a second thread's wake-ups cost more than it shares (IntraOpThreads)
            try (NDManager m = TesseraRuntime.newManager();
                 IntraOpThreads threads = pass.size() == 1 ? IntraOpThreads.atMost(1) : IntraOpThreads.unchanged()) {
                ParameterStore ps = new ParameterStore(m, false);
                NDArray rows = block.encodeRows(ps, ImageTensors.toTensor(pass, m), false);
                long[] ids = block.quantizer().quantize(ps, rows, false).indices().toLongArray();
                for (int i = 0; i < pass.size(); i++) {
                    int[] grid = new int[per];
                    for (int j = 0; j < per; j++) {
                        grid[j] = (int) ids[i * per + j];
                    }
                    out.add(new TokenGrid(g, g, depth(), grid, config.quantizer().codebookSize()));
                }
            }
        }
        return out;
    }

    @Override
    public List<RgbImage> decode(List<TokenGrid> grids) {
        return decode(grids, depth());
    }

    /** Decodes with the first {@code levels} levels of each grid (progressive refinement). */
    public RgbImage decode(TokenGrid grid, int levels) {
        return decode(List.of(grid), levels).get(0);
    }

    /** Decodes with the first {@code levels} levels of each grid (progressive refinement). */
    public List<RgbImage> decode(List<TokenGrid> grids, int levels) {
        if (levels < 1 || levels > depth()) {
            throw new IllegalArgumentException("levels must be in 1.." + depth() + ", got " + levels);
        }
        int g = config.gridSize();
        int k = config.quantizer().codebookSize();
        int per = g * g * depth();
        long[] ids = new long[grids.size() * per];
        for (int i = 0; i < grids.size(); i++) {
            TokenGrid t = grids.get(i);
            if (t.rows() != g || t.cols() != g || t.depth() != depth() || t.codebookSize() != k) {
                throw new IllegalArgumentException("tokenizer " + name() + " decodes " + g + "x" + g + " grids of depth "
                        + depth() + " over " + k + " codes, got " + t.rows() + "x" + t.cols() + " of depth " + t.depth()
                        + " over " + t.codebookSize());
            }
            for (int j = 0; j < per; j++) {
                ids[i * per + j] = t.ids()[j];
            }
        }
        List<RgbImage> out = new ArrayList<>(grids.size());
        for (int start = 0; start < grids.size(); start += PASS) {
            int n = Math.min(grids.size(), start + PASS) - start;
            try (NDManager m = TesseraRuntime.newManager()) {
                ParameterStore ps = new ParameterStore(m, false);
                long[] pass = java.util.Arrays.copyOfRange(ids, start * per, (start + n) * per);
                NDArray codes = block.quantizer().codes(ps, m.create(pass, new Shape((long) n * g * g, depth())), levels);
                out.addAll(ImageTensors.fromTensor(block.decodeRows(ps, codes, false)));
            }
        }
        return out;
    }

    /**
     * The vector each code stands for, level after level: row {@code level * K + code}. A level's
     * vector is its contribution to the residual sum (the stack is additive), so these rows are
     * exactly what the decoder adds up; the unified model ties its image embedding to them (UniCode).
     */
    public float[][] codeVectors() {
        int k = codebookSize();
        int depth = depth();
        float[][] out = new float[depth * k][];
        try (NDManager m = TesseraRuntime.newManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            for (int level = 0; level < depth; level++) {
                long[] ids = new long[k * depth];
                for (int c = 0; c < k; c++) {
                    ids[c * depth + level] = c;
                }
                NDArray idx = m.create(ids, new Shape(k, depth));
                NDArray with = block.quantizer().codes(ps, idx, level + 1);
                if (level > 0) {
                    with = with.sub(block.quantizer().codes(ps, idx, level));
                }
                float[] flat = with.toFloatArray();
                int dim = flat.length / k;
                for (int c = 0; c < k; c++) {
                    out[level * k + c] = java.util.Arrays.copyOfRange(flat, c * dim, (c + 1) * dim);
                }
            }
        }
        return out;
    }

    /**
     * One EMA step of the codebook on {@code pictures}, encoder and decoder fixed: the tokenizer
     * half of UniCode's language-driven iterative training (arXiv 2403.09072). Needs a codebook the
     * language model can share row for row ({@link #alignableCodebook}).
     */
    public void learnCodebook(List<RgbImage> pictures) {
        checkSizes(pictures);
        VectorQuantizer vq = alignableCodebook();
        try (NDManager m = TesseraRuntime.newManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            vq.emaStep(ps, block.encodeRows(ps, ImageTensors.toTensor(pictures, m), false));
        }
    }

    /**
     * The quantizer, when its codebook can be aligned with a language model's image table: a
     * single-level VQ with EMA codes, Euclidean lookup and no projection, so row {@code k} of the
     * codebook is exactly code {@code k}'s vector ({@link #codeVectors()}). Otherwise a clear error.
     */
    public VectorQuantizer alignableCodebook() {
        if (!(block.quantizer() instanceof VectorQuantizer vq)) {
            throw new IllegalArgumentException("the tokenizer " + name() + " (" + describe() + ") has no single learned "
                    + "codebook to align (FSQ's codes are a fixed grid, a residual stack has several); use vq-shapes32");
        }
        VqConfig c = vq.config();
        if (c.update() != VqConfig.CodebookUpdate.EMA || c.projected() || c.cosine()) {
            throw new IllegalArgumentException("the tokenizer " + name() + " (" + describe() + ") cannot share its codebook "
                    + "row for row: alignment needs EMA codes, Euclidean lookup and no projection, as vq-shapes32 has");
        }
        return vq;
    }

    @Override
    public int codebookSize() {
        return config.quantizer().codebookSize();
    }

    @Override
    public List<RgbImage> decodeCodes(int[] codes) {
        int g = config.gridSize();
        List<TokenGrid> grids = new ArrayList<>(codes.length);
        for (int code : codes) {
            int[] ids = new int[g * g * depth()];
            for (int j = 0; j < g * g; j++) {
                ids[j * depth()] = code;
            }
            grids.add(new TokenGrid(g, g, depth(), ids, codebookSize()));
        }
        return decode(grids, 1);
    }


}
