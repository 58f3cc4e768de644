package dev.tessera.engine.unified;

import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.image.Images;
import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.lm.Decoder;
import dev.tessera.engine.lm.EmbeddingMode;
import dev.tessera.engine.lm.Folding;
import dev.tessera.engine.lm.StackedDecoder;
import dev.tessera.engine.lm.Sampler;
import dev.tessera.engine.lm.SamplingConfig;
import dev.tessera.engine.lm.UnifiedTransformer;
import dev.tessera.engine.task.TaskSequences;
import dev.tessera.engine.text.BpeTrainingConfig;
import dev.tessera.engine.text.ByteLevelBpe;
import dev.tessera.engine.tokenize.ClusterTokenizer;
import dev.tessera.engine.tokenize.GridTokenizer;
import dev.tessera.engine.tokenize.Familiarity;
import dev.tessera.engine.tokenize.ImageTokenizer;
import dev.tessera.engine.tokenize.ImageTokens;
import dev.tessera.engine.tokenize.TokenGrid;
import dev.tessera.engine.tokenize.TokenSet;
import dev.tessera.engine.tokenize.TokenizerCheckpoint;
import dev.tessera.engine.tokenize.TrainableTokenizer;
import dev.tessera.engine.vocab.SharedVocabulary;
import dev.tessera.engine.vocab.SpecialToken;
import dev.tessera.engine.vocab.VocabularyLayout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * One small multimodal language model that reads and writes text and images as ids of one
 * shared vocabulary: it captions an image, answers a question about it, and draws
 * an image for a prompt, all by continuing a sequence. Holds the text tokenizer (byte-level
 * BPE trained on the task corpus), the image tokenizer, the vocabulary layout and the
 * {@link UnifiedTransformer}.
 *
 * <p>The image tokenizer is a grid one ({@link GridTokenizer}: a fixed grid of ids an image,
 * read and written) or SeTok's ({@link ClusterTokenizer}, arXiv 2406.05127: a variable-length
 * span of a content code and a centre id per dynamic token, {@link SharedVocabulary#spans}). A
 * span model captions and answers; it does not write images (SeTok's decoder needs only codes and
 * centres, but the model would have to learn where a span of variable length ends: left for
 * later), so {@link #generate}, editing and every other grid-only path refuse it through
 * {@link #imageTokenizer()}.
 */
public final class UnifiedModel implements AutoCloseable {

    /** Seed of the scene stream whose text trains the text tokenizer. */
    static final long CORPUS_SEED = 11;
    /** Longest caption or answer the model may write, in text ids. */
    static final int MAX_TEXT_IDS = 24;
    /** Most images one {@link #generate} call draws: a cell's worth, with bounded memory. */
    public static final int MAX_IMAGES = 64;

    private final UnifiedConfig config;
    private final ByteLevelBpe text;
    private final TrainableTokenizer<?> images;
    private final SharedVocabulary vocab;
    private final TaskSequences tasks;
    private final UnifiedTransformer transformer;
    /** Every word the model has trained on; grows when a stage trains a task that writes new words ({@link #learnWords}). */
    private Set<String> words;
    /** Whether the image tokenizer's weights learned with this model (UniCode's alignment): saved with it then. */
    private boolean ownImageTokenizer;

    UnifiedModel(UnifiedConfig config, ByteLevelBpe text, TrainableTokenizer<?> images, UnifiedTransformer transformer,
                 Set<String> words) {
        this.config = config;
        this.text = text;
        this.images = images;
        this.transformer = transformer;
        this.words = Set.copyOf(words);
        if (images instanceof ClusterTokenizer c) {
            this.vocab = SharedVocabulary.spans(transformer.layout(), text, c.config().gridSize(),
                    c.config().clustering().maxCentres());
        } else {
            int g = grid(images).config().gridSize();
            this.vocab = new SharedVocabulary(transformer.layout(), text, g, g);
        }
        this.tasks = new TaskSequences(vocab);
    }

    /**
     * The vocabulary layout of a model over {@code images}: a grid tokenizer's levels of its
     * codebook; a SeTok tokenizer's two levels, content codes and centre patches, which needs no
     * more patches than codes.
     */
    static VocabularyLayout layout(int textSize, TrainableTokenizer<?> images, List<String> taskTags) {
        if (images instanceof ClusterTokenizer c) {
            int patches = c.config().gridSize() * c.config().gridSize();
            if (patches > c.codebookSize()) {
                throw new IllegalArgumentException("the SeTok tokenizer " + c.name() + " has " + patches
                        + " patches but " + c.codebookSize() + " codes: a span's centre ids share the codes' id range, "
                        + "so use a tokenizer with at least as many codes as patches");
            }
            return new VocabularyLayout(textSize, 2, c.codebookSize(), taskTags);
        }
        GridTokenizer g = grid(images);
        return new VocabularyLayout(textSize, g.depth(), g.codebookSize(), taskTags);
    }

    /** The code vectors a unified codebook starts from: a grid tokenizer's, none for SeTok's. */
    static float[][] codeVectors(TrainableTokenizer<?> images) {
        return images instanceof GridTokenizer g ? g.codeVectors() : null;
    }

    private static GridTokenizer grid(TrainableTokenizer<?> images) {
        if (images instanceof GridTokenizer g) {
            return g;
        }
        throw new IllegalArgumentException("the image tokenizer " + images.name() + " is neither a grid tokenizer nor "
                + "a SeTok one");
    }

    /**
     * A fresh model: trains the text tokenizer on the task corpus, loads the shipped image
     * tokenizer, and initialises the transformer from {@code seed}.
     */
    public static UnifiedModel create(UnifiedConfig config, long seed) {
        return create(config, imageTokenizer(config.imageTokenizer()), seed);
    }

    /**
     * As {@link #create(UnifiedConfig, long)} over the image tokenizer {@code images} (e.g. one just
     * created or trained), which the model then owns and closes.
     */
    public static UnifiedModel create(UnifiedConfig config, TrainableTokenizer<?> images, long seed) {
        try {
            if (images instanceof ClusterTokenizer && (config.embedding() == EmbeddingMode.UNIFIED_CODEBOOK
                    || config.stacking().folds())) {
                throw new IllegalArgumentException("a model over SeTok spans (" + images.name() + ") uses the joint "
                        + "embedding with flat ids: a span's ids are codes and centres, not codebook entries or residual "
                        + "levels; drop the unified codebook and stacking (e.g. the small-setok preset)");
            }
            List<String> corpus = TaskSequences.corpus(scenes(config, images, CORPUS_SEED), config.corpusScenes());
            List<String> bpeCorpus = corpus;
            if (config.textCorpus().equals(UnifiedConfig.FORTUNES)) {
                bpeCorpus = new ArrayList<>(corpus);
                bpeCorpus.addAll(dev.tessera.engine.text.TextCorpus.fortunes().train());
            }
            ByteLevelBpe text = ByteLevelBpe.train(bpeCorpus, new BpeTrainingConfig(config.textVocabSize(), 2));
            VocabularyLayout layout = layout(text.vocabSize(), images, List.of());
            UnifiedTransformer t = UnifiedTransformer.create(config.transformer(), layout, config.embedding(),
                    config.stacking(), codeVectors(images), config.freezeText(), seed);
            UnifiedModel model = new UnifiedModel(config, text, images, t, wordsOf(corpus));
            if (!TokenizerCheckpoint.available().contains(config.imageTokenizer())) {
                // a tokenizer from a folder is not pinned by its name: its weights go into every checkpoint
                model.markOwnImageTokenizer();
            }
            return model;
        } catch (RuntimeException e) {
            images.close();
            throw e;
        }
    }

    /**
     * The image tokenizer {@code name}: a shipped one, or (for a tokenizer trained but not shipped,
     * e.g. {@code runs/rvq4-shapes32}) a tokenizer checkpoint folder. A model over a folder keeps the
     * tokenizer's weights in its own checkpoints ({@link #hasOwnImageTokenizer()}), so retraining or
     * changing the folder cannot change a trained model; the folder must still be there to load it
     * (it gives the tokenizer's architecture, and its weights must fit).
     */
    static TrainableTokenizer<?> imageTokenizer(String name) {
        if (!TokenizerCheckpoint.available().contains(name)) {
            java.nio.file.Path folder = java.nio.file.Path.of(name);
            if (java.nio.file.Files.isRegularFile(folder.resolve("config.json"))) {
                return TokenizerCheckpoint.load(folder);
            }
            throw new IllegalArgumentException("unknown image tokenizer '" + name + "'; use one of the shipped tokenizers "
                    + TokenizerCheckpoint.available() + ", or train it into a folder of that name where you run from "
                    + "(./tessera engine train-tokenizer --preset " + name + " --out " + name + ")");
        }
        return TokenizerCheckpoint.pretrained(name);
    }

    /** The scenes this model learns from, drawn with {@code seed}. */
    public static SceneConfig scenes(UnifiedConfig config, ImageTokenizer<?> images, long seed) {
        return new SceneConfig(images.imageSize(), config.minObjects(), config.maxObjects(), seed);
    }

    public SceneConfig scenes(long seed) {
        return scenes(config, images, seed);
    }

    static Set<String> wordsOf(List<String> corpus) {
        Set<String> out = new TreeSet<>();
        for (String line : corpus) {
            for (String w : line.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
                if (!w.isEmpty()) {
                    out.add(w);
                }
            }
        }
        return out;
    }

    /**
     * This model with task tags {@code tags} bound (those it lacks get spare control ids, see
     * {@link UnifiedTransformer#withTaskTags}); the result shares this model's weights, so use it
     * in place of this one and close only it.
     */
    public UnifiedModel withTaskTags(java.util.Collection<String> tags) {
        VocabularyLayout wider = transformer.layout().withTaskTags(tags);
        if (wider.equals(transformer.layout())) {
            return this;
        }
        UnifiedModel wide = new UnifiedModel(config, text, images, transformer.withTaskTags(wider), words);
        wide.ownImageTokenizer = ownImageTokenizer;
        return wide;
    }

    /**
     * This model with a context of {@code context} positions, never fewer than it has
     * ({@link UnifiedTransformer#withContext}: the new position rows copy earlier ones, everything
     * that fitted before is computed as before); the result shares this model's weights, so use it
     * in place of this one and close only it.
     */
    public UnifiedModel withContext(int context) {
        if (context == transformer.config().context()) {
            return this;
        }
        UnifiedModel longer = new UnifiedModel(config.withTransformer(config.transformer().withContext(context)), text,
                images, transformer.withContext(context), words);
        longer.ownImageTokenizer = ownImageTokenizer;
        return longer;
    }

    /**
     * Whether this model's image tokenizer learned with it ({@link CodebookAlignment}), so it is no
     * longer the shipped tokenizer its config names; its checkpoints then keep its weights.
     */
    public boolean hasOwnImageTokenizer() {
        return ownImageTokenizer;
    }

    /** Marks the image tokenizer as this model's own (it learned, or was loaded from this model's checkpoint). */
    void markOwnImageTokenizer() {
        ownImageTokenizer = true;
        // its weights leave the shipped ones: the shipped familiarity floor no longer applies
        dev.tessera.engine.tokenize.TokenizerCheckpoint.changed(images);
    }

    public UnifiedConfig config() {
        return config;
    }

    public SharedVocabulary vocabulary() {
        return vocab;
    }

    public TaskSequences tasks() {
        return tasks;
    }

    public UnifiedTransformer transformer() {
        return transformer;
    }

    /**
     * The grid image tokenizer, which every path that writes or edits images needs; a clear error
     * for a model that reads SeTok spans ({@link #tokenizer()} is either kind).
     */
    public GridTokenizer imageTokenizer() {
        if (images instanceof GridTokenizer g) {
            return g;
        }
        throw new IllegalArgumentException("this model reads SeTok spans (" + images.name() + "): it captions and answers "
                + "questions but does not write, edit or decompress images; use a model over a grid tokenizer "
                + "(e.g. the shipped unified-shapes32) for that");
    }

    /** The image tokenizer, grid or SeTok. */
    public TrainableTokenizer<?> tokenizer() {
        return images;
    }

    /** True when images are SeTok spans ({@link SharedVocabulary#readsSpans()}): read, never written. */
    public boolean readsSpans() {
        return vocab.readsSpans();
    }

    /**
     * The tokens of each image (at the model's size) as this model reads them: a grid, or a SeTok
     * set whose span {@link SharedVocabulary#encodeImage(ImageTokens)} lays out.
     */
    public List<? extends ImageTokens> encodeImages(List<RgbImage> pictures) {
        return images.encode(pictures);
    }

    /**
     * The grids of images, for tasks that write or edit them; the grid-only error for a span model.
     * Pass it as {@code model::encodeGrids}: {@code model.imageTokenizer()::encode} would fail at once.
     */
    public List<TokenGrid> encodeGrids(List<RgbImage> pictures) {
        return imageTokenizer().encode(pictures);
    }

    /** Ids one image takes from {@code <boi>} to {@code <eoi>} inclusive: a grid's are fixed, a span's vary. */
    public int imageIds(ImageTokens image) {
        return vocab.encodeImage(image).length + 2;
    }

    /** The true clusters of the SeTok sets among {@code tokens}, so a read-back span shows them; empty for grids. */
    private static List<TokenSet> sets(List<? extends ImageTokens> tokens) {
        return tokens.stream().filter(TokenSet.class::isInstance).map(TokenSet.class::cast).toList();
    }

    public ByteLevelBpe textTokenizer() {
        return text;
    }

    /** Every word the model was trained on, the only words a prompt or question may use. */
    public Set<String> words() {
        return words;
    }

    /** Adds the words of a task the model is about to train on ({@link dev.tessera.engine.task.Task#words}); saved with it. */
    void learnWords(Set<String> more) {
        if (!words.containsAll(more)) {
            Set<String> all = new TreeSet<>(words);
            all.addAll(more);
            words = Set.copyOf(all);
        }
    }

    /** Side of the images the model reads and writes. */
    public int imageSize() {
        return images.imageSize();
    }

    /** Captions each image (greedy decoding). Images of another size are centre-cropped and resized. */
    public List<Caption> caption(List<RgbImage> pictures) {
        List<RgbImage> fitted = fit(pictures);
        List<? extends ImageTokens> grids = encodeImages(fitted);
        int[][] prompts = grids.stream().map(tasks::captionPrompt).toArray(int[][]::new);
        // spans differ in length: the decoder left-pads the shorter prompts, so all run as one batch
        int longest = Arrays.stream(prompts).mapToInt(this::positions).max().orElseThrow();
        int[][] out = Decoder.continueAll(transformer, prompts, textRoom(longest), textRule(),
                new Sampler(SamplingConfig.greedy()), null, 1);
        List<Familiarity> familiar = familiarity(fitted, grids);
        List<TokenSet> sets = sets(grids);
        List<Caption> result = new ArrayList<>();
        for (int i = 0; i < prompts.length; i++) {
            result.add(new Caption(fitted.get(i), textOf(out[i]), vocab.decode(join(prompts[i], out[i]), sets),
                    familiar.get(i)));
        }
        return result;
    }

    /**
     * Whether each image is like the scenes the model learned from: its image tokenizer's
     * reconstruction of it against that tokenizer's calibrated floor ({@link Familiarity}).
     */
    private List<Familiarity> familiarity(List<RgbImage> fitted, List<? extends ImageTokens> tokens) {
        Familiarity.Calibration c = Familiarity.Calibration.of(images);
        List<RgbImage> recon = decode(images, tokens);
        List<Familiarity> out = new ArrayList<>();
        for (int i = 0; i < fitted.size(); i++) {
            out.add(c.judge(dev.tessera.engine.eval.ImageMetrics.psnr(fitted.get(i), recon.get(i))));
        }
        return out;
    }

    /** {@code tokens} decoded by {@code tokenizer}, which encoded them: the capture makes the types meet. */
    @SuppressWarnings("unchecked")
    private static <T extends ImageTokens> List<RgbImage> decode(ImageTokenizer<T> tokenizer,
                                                                 List<? extends ImageTokens> tokens) {
        return tokenizer.decode((List<T>) tokens);
    }

    public Caption caption(RgbImage picture) {
        return caption(List.of(picture)).get(0);
    }

    /** Answers {@code question} about {@code picture} (greedy decoding). */
    public Answer answer(RgbImage picture, String question) {
        return answer(List.of(picture), List.of(question)).get(0);
    }

    /** Answers one question per image; questions are checked like prompts ({@link #checkPrompt}). */
    public List<Answer> answer(List<RgbImage> pictures, List<String> questions) {
        if (pictures.size() != questions.size()) {
            throw new IllegalArgumentException("one question per image: got " + pictures.size() + " images and "
                    + questions.size() + " questions");
        }
        List<RgbImage> fitted = fit(pictures);
        List<? extends ImageTokens> grids = encodeImages(fitted);
        List<Answer> result = new ArrayList<>();
        // questions differ in length: the decoder left-pads the shorter prompts, so all run as one batch
        int[][] prompts = new int[fitted.size()][];
        for (int i = 0; i < prompts.length; i++) {
            prompts[i] = tasks.answerPrompt(grids.get(i), checkPrompt(questions.get(i), "question"));
        }
        List<Familiarity> familiar = familiarity(fitted, grids);
        List<TokenSet> sets = sets(grids);
        int longest = Arrays.stream(prompts).mapToInt(this::positions).max().orElseThrow();
        int[][] out = Decoder.continueAll(transformer, prompts, textRoom(longest), textRule(),
                new Sampler(SamplingConfig.greedy()), null, 1);
        for (int i = 0; i < prompts.length; i++) {
            result.add(new Answer(fitted.get(i), questions.get(i), textOf(out[i]),
                    vocab.decode(join(prompts[i], out[i]), sets), familiar.get(i)));
        }
        return result;
    }

    /**
     * The greedy text continuation of each prompt (shared-vocabulary ids of any task's prompt, e.g.
     * {@link dev.tessera.engine.task.TaskExample#prompt()}), up to its {@code <eos>}: what a task
     * with a text answer is scored on. Prompts of different lengths run as one batch.
     */
    public List<String> completeText(List<int[]> prompts) {
        return completeTextIds(prompts).stream().map(ids -> vocab.decodeText(ids).trim()).toList();
    }

    /** As {@link #completeText}, the text ids written before {@code <eos>}. */
    public List<int[]> completeTextIds(List<int[]> prompts) {
        if (prompts.isEmpty()) {
            return List.of();
        }
        int[][] p = prompts.toArray(int[][]::new);
        int longest = Arrays.stream(p).mapToInt(this::positions).max().orElseThrow();
        int[][] out = Decoder.continueAll(transformer, p, textRoom(longest), textRule(), new Sampler(SamplingConfig.greedy()),
                null, 1);
        return Arrays.stream(out).map(this::beforeEos).toList();
    }

    /**
     * The greedy continuation of each prompt as flat image ids, every level of a grid position
     * in turn (level 0 first), up to its {@code <eos>} (left out) or {@code maxIds}: what a task
     * whose target is written-out codes, such as UniCode's decompression, is scored on. A stacked
     * model writes them one id per position, outside any image span, as it was trained to.
     */
    public List<int[]> completeImageIds(List<int[]> prompts, int maxIds) {
        if (prompts.isEmpty()) {
            return List.of();
        }
        int[][] p = prompts.toArray(int[][]::new);
        int longest = Arrays.stream(p).mapToInt(this::positions).max().orElseThrow();
        int room = transformer.config().context() - longest;
        if (maxIds < 1 || maxIds > room) {
            throw new IllegalArgumentException("write 1.." + room + " image ids after a prompt of " + longest
                    + " positions in the model's context of " + transformer.config().context() + ", got " + maxIds);
        }
        int[][] out = Decoder.continueAll(transformer, p, maxIds, flatImageRule(), new Sampler(SamplingConfig.greedy()),
                null, 1);
        return Arrays.stream(out).map(this::beforeEos).toList();
    }

    /** Refuses an image count for {@link #generate} outside 1..{@link #MAX_IMAGES}; returns it. */
    public static int checkImageCount(int n) {
        if (n < 1 || n > MAX_IMAGES) {
            throw new IllegalArgumentException("generate draws 1.." + MAX_IMAGES + " images at a time, got " + n
                    + "; for more, run it again with another --seed");
        }
        return n;
    }

    /**
     * Draws {@code n} images for {@code prompt} ("a red circle"): exactly one image's worth of
     * image ids after {@code <boi>}, sampled under {@code sampling}, with classifier-free
     * guidance against the empty prompt when {@code sampling.cfgScale() != 1}.
     */
    public Generation generate(String prompt, int n, SamplingConfig sampling) {
        return generate(prompt, n, sampling, true);
    }

    /**
     * {@link #generate}, with {@code knownWordsOnly} false letting the prompt use words the model
     * never trained on: how an evaluation asks every model the same prompts (GenEval's fixed set),
     * and measures what a model makes of words it never saw.
     */
    Generation generate(String prompt, int n, SamplingConfig sampling, boolean knownWordsOnly) {
        checkImageCount(n);
        GridTokenizer images = imageTokenizer();
        String checked = checkPrompt(prompt, "prompt", knownWordsOnly);
        long start = System.nanoTime();
        int[] p = tasks.generatePrompt(checked);
        int[] u = tasks.generatePrompt("");
        int[][] prompts = new int[n][];
        int[][] uncond = new int[n][];
        Arrays.fill(prompts, p);
        Arrays.fill(uncond, u);
        int[][] out = writeImages(prompts, sampling, uncond);
        List<TokenGrid> grids = Arrays.stream(out).map(vocab::decodeImage).toList();
        List<RgbImage> pictures = images.decode(grids);
        List<dev.tessera.engine.vocab.MixedSequence> sequences = new ArrayList<>();
        int eoi = vocab.id(SpecialToken.EOI);
        for (int[] ids : out) {
            sequences.add(vocab.decode(join(join(p, ids), new int[] {eoi})));
        }
        double ms = (System.nanoTime() - start) / 1e6 / n;
        return new Generation(checked, sampling, pictures, grids, sequences, ms);
    }

    /**
     * Exactly one image's worth of image ids after each prompt (each ends with {@code <boi>}),
     * sampled under {@code sampling}, guided against {@code uncond} (prompts of the same count, or
     * null without guidance) when {@code sampling.cfgScale() != 1}: what text-to-image and editing
     * both write.
     */
    int[][] writeImages(int[][] prompts, SamplingConfig sampling, int[][] uncond) {
        imageTokenizer();  // a span model has no images to write: the clear error
        // a stacked model draws each grid position's levels with its depth transformer
        return transformer.stacking().folds()
                ? StackedDecoder.images(transformer, prompts, vocab.gridRows() * vocab.gridCols(), new Sampler(sampling), uncond,
                sampling.cfgScale())
                : Decoder.continueAll(transformer, prompts, vocab.imageTokens(), imageRule(), new Sampler(sampling),
                uncond, sampling.cfgScale());
    }

    /**
     * {@code text} trimmed and lower-cased if the model can read it; otherwise a clear error:
     * empty, words it never saw (listing them and the words it knows), or too long for its context.
     */
    public String checkPrompt(String text, String what) {
        return checkPrompt(text, what, true);
    }

    private String checkPrompt(String text, String what, boolean knownWordsOnly) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            throw new IllegalArgumentException("the " + what + " is empty; write e.g. "
                    + (what.equals("prompt") ? "\"a red circle\"" : "\"what colour is the circle?\""));
        }
        Set<String> unknown = new TreeSet<>(wordsOf(List.of(t)));
        unknown.removeAll(words);
        if (knownWordsOnly && !unknown.isEmpty()) {
            throw new IllegalArgumentException("the " + what + " uses words the model never saw: " + unknown
                    + "; it knows " + new TreeSet<>(words));  // sorted: the same message in every JVM
        }
        int ids = vocab.encodeText(t).length;
        int room = transformer.config().context() - imagePositions() - 6;
        if (ids > room) {
            throw new IllegalArgumentException("the " + what + " is " + ids + " text tokens long; at most " + room
                    + " fit beside an image in the model's context of " + transformer.config().context());
        }
        return t;
    }

    /** Positions one image takes in the context: its ids, or its grid positions when stacked. */
    public int imagePositions() {
        return transformer.stacking().folds() ? vocab.gridRows() * vocab.gridCols() : vocab.imageTokens();
    }

    /** Positions {@code ids} take in the context: one per id, or folded ({@link Folding}) when stacked. */
    public int positions(int[] ids) {
        return transformer.stacking().folds() ? Folding.positions(ids, vocab.layout()) : ids.length;
    }

    /** Text ids that may follow a prompt of {@code promptLength} positions within the context. */
    private int textRoom(int promptLength) {
        int room = Math.min(MAX_TEXT_IDS, transformer.config().context() - promptLength);
        if (room < 2) {
            throw new IllegalArgumentException("the question leaves no room for an answer in the model's context of "
                    + transformer.config().context() + " ids; ask a shorter question");
        }
        return room;
    }

    /** The pictures at the model's image size: centre-cropped and resized when they differ. */
    List<RgbImage> fit(List<RgbImage> pictures) {
        if (pictures.isEmpty()) {
            throw new IllegalArgumentException("no images given");
        }
        int side = imageSize();
        return pictures.stream().map(img -> img.width() == side && img.height() == side ? img
                : Images.fromBuffered(Images.centreSquare(Images.toBuffered(img), side))).toList();
    }

    private Decoder.Rule textRule() {
        VocabularyLayout l = vocab.layout();
        int eos = l.id(SpecialToken.EOS);
        int[] allowed = {eos, eos + 1, l.textStart(), l.imageStart()};
        return new Decoder.Rule() {
            @Override
            public int[] allowed(int step) {
                return allowed;
            }

            @Override
            public boolean stops(int id) {
                return id == eos;
            }
        };
    }

    private Decoder.Rule imageRule() {
        VocabularyLayout l = vocab.layout();
        return new Decoder.Rule() {
            @Override
            public int[] allowed(int step) {
                int level = step % l.imageLevels();
                int lo = l.imageId(level, 0);
                return new int[] {lo, lo + l.codebookSize()};
            }

            @Override
            public boolean stops(int id) {
                return false;
            }
        };
    }

    /** Image ids of the level due at each step (levels in turn, level 0 first), or {@code <eos>}. */
    private Decoder.Rule flatImageRule() {
        VocabularyLayout l = vocab.layout();
        int eos = l.id(SpecialToken.EOS);
        return new Decoder.Rule() {
            @Override
            public int[] allowed(int step) {
                int lo = l.imageId(step % l.imageLevels(), 0);
                return new int[] {eos, eos + 1, lo, lo + l.codebookSize()};
            }

            @Override
            public boolean stops(int id) {
                return id == eos;
            }
        };
    }

    private String textOf(int[] generated) {
        return vocab.decodeText(beforeEos(generated)).trim();
    }

    /** The ids before the first {@code <eos>}. */
    private int[] beforeEos(int[] generated) {
        int eos = vocab.id(SpecialToken.EOS);
        int n = 0;
        while (n < generated.length && generated[n] != eos) {
            n++;
        }
        return Arrays.copyOf(generated, n);
    }

    private static int[] join(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Override
    public void close() {
        transformer.close();
        images.close();
    }
}
