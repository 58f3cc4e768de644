package dev.tessera.engine.vocab;

import dev.tessera.engine.text.TextTokenizer;
import dev.tessera.engine.tokenize.ImageTokens;
import dev.tessera.engine.tokenize.TokenGrid;
import dev.tessera.engine.tokenize.TokenSet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The one vocabulary of the unified model: a {@link VocabularyLayout} plus the text tokenizer
 * and the image geometry it needs to turn text and images into shared ids and any id sequence
 * back into text and images ({@link MixedSequence}).
 *
 * <p>An image is either a fixed grid ({@link TokenGrid}: rows x cols x levels ids) or, in a span
 * vocabulary ({@link #spans}), SeTok's variable set of dynamic tokens (arXiv 2406.05127,
 * {@link TokenSet}): each token two ids, its content code (level 0 of the image block) and the
 * patch of its centre (level 1), in the set's order, so an image takes as many ids as it has
 * semantic units instead of a fixed number.
 *
 * @param layout      where each kind of id lives
 * @param text        the text tokenizer (its ids are offset by {@link VocabularyLayout#textStart()})
 * @param gridRows    rows of every image's token grid (the patch grid's side for spans)
 * @param gridCols    columns of every image's token grid (the patch grid's side for spans)
 * @param spanTokens  the most tokens of a span, or 0 for a grid vocabulary
 */
public record SharedVocabulary(VocabularyLayout layout, TextTokenizer text, int gridRows, int gridCols, int spanTokens) {

    public SharedVocabulary {
        if (text.vocabSize() != layout.textSize()) {
            throw new IllegalArgumentException("the layout has room for " + layout.textSize()
                    + " text ids but the text tokenizer has " + text.vocabSize());
        }
        if (gridRows < 1 || gridCols < 1) {
            throw new IllegalArgumentException("image grid must be at least 1x1, got " + gridRows + "x" + gridCols);
        }
        if (spanTokens < 0) {
            throw new IllegalArgumentException("a span holds at least one token; 0 means a grid vocabulary, got " + spanTokens);
        }
        if (spanTokens > 0 && (layout.imageLevels() != 2 || gridRows != gridCols
                || gridRows * gridCols > layout.codebookSize())) {
            throw new IllegalArgumentException("a span vocabulary needs two image levels (code, centre) and a square patch "
                    + "grid with no more patches than codes, got " + layout.imageLevels() + " levels, " + gridRows + "x"
                    + gridCols + " patches, " + layout.codebookSize() + " codes");
        }
    }

    /** A grid vocabulary: every image a {@code gridRows x gridCols} grid. */
    public SharedVocabulary(VocabularyLayout layout, TextTokenizer text, int gridRows, int gridCols) {
        this(layout, text, gridRows, gridCols, 0);
    }

    /**
     * A span vocabulary for a SeTok tokenizer over a {@code side x side} patch grid with at most
     * {@code maxTokens} tokens an image; {@code layout} has two image levels, content codes and
     * centre patches, so no more patches than codes.
     */
    public static SharedVocabulary spans(VocabularyLayout layout, TextTokenizer text, int side, int maxTokens) {
        if (maxTokens < 1) {
            throw new IllegalArgumentException("a span holds at least one token, got " + maxTokens);
        }
        return new SharedVocabulary(layout, text, side, side, maxTokens);
    }

    /** True when images are SeTok spans, not grids. */
    public boolean readsSpans() {
        return spanTokens > 0;
    }

    /** The most ids one image takes: rows x cols x levels for a grid, two per token for a span. */
    public int imageTokens() {
        return readsSpans() ? 2 * spanTokens : gridRows * gridCols * layout.imageLevels();
    }

    public int id(SpecialToken t) {
        return layout.id(t);
    }

    /** Shared ids of {@code s}. */
    public int[] encodeText(String s) {
        int[] ids = text.encode(s);
        for (int i = 0; i < ids.length; i++) {
            ids[i] = layout.textId(ids[i]);
        }
        return ids;
    }

    /** Shared ids of an image, a grid or a span as this vocabulary takes them. */
    public int[] encodeImage(ImageTokens image) {
        return image instanceof TokenSet s ? encodeSpan(s) : encodeImage((TokenGrid) image);
    }

    /**
     * Shared ids of a SeTok token set: for each token its content code, then its centre patch,
     * in the set's order (centres in reading order).
     */
    public int[] encodeSpan(TokenSet set) {
        if (!readsSpans()) {
            throw new IllegalArgumentException("this vocabulary takes " + gridRows + "x" + gridCols + " grids, not SeTok spans");
        }
        if (set.side() != gridRows || set.codebookSize() != layout.codebookSize() || set.count() > spanTokens) {
            throw new IllegalArgumentException("this vocabulary takes spans of at most " + spanTokens + " tokens over a "
                    + gridRows + "x" + gridCols + " patch grid and " + layout.codebookSize() + " codes, got "
                    + set.count() + " tokens over " + set.side() + "x" + set.side() + " and " + set.codebookSize());
        }
        int[] ids = new int[2 * set.count()];
        for (int k = 0; k < set.count(); k++) {
            ids[2 * k] = layout.imageId(0, set.ids()[k]);
            ids[2 * k + 1] = layout.imageId(1, set.centres()[k]);
        }
        return ids;
    }

    /** Shared ids of an image's grid, position-major with levels inner (as {@link TokenGrid} stores them). */
    public int[] encodeImage(TokenGrid grid) {
        if (readsSpans()) {
            throw new IllegalArgumentException("this vocabulary reads SeTok spans of a " + gridRows + "x" + gridCols
                    + " patch grid, not token grids");
        }
        if (grid.rows() != gridRows || grid.cols() != gridCols || grid.depth() != layout.imageLevels()
                || grid.codebookSize() != layout.codebookSize()) {
            throw new IllegalArgumentException("this vocabulary takes " + gridRows + "x" + gridCols + " grids of depth "
                    + layout.imageLevels() + " over " + layout.codebookSize() + " codes, got " + grid);
        }
        int[] ids = new int[grid.ids().length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = layout.imageId(i % grid.depth(), grid.ids()[i]);
        }
        return ids;
    }

    /** The grid of exactly {@link #imageTokens()} image ids (a grid vocabulary's). */
    public TokenGrid decodeImage(int[] ids) {
        if (readsSpans()) {
            throw new IllegalArgumentException("a span vocabulary's images are token sets; read them with decode(ids)");
        }
        if (ids.length != imageTokens()) {
            throw new IllegalArgumentException("an image takes " + imageTokens() + " ids, got " + ids.length);
        }
        int[] codes = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            int level = layout.imageLevel(ids[i]);
            if (level != i % layout.imageLevels()) {
                throw new IllegalArgumentException("image id " + ids[i] + " at span position " + i + " is a level "
                        + level + " code, expected level " + i % layout.imageLevels());
            }
            codes[i] = layout.imageCode(ids[i]);
        }
        return new TokenGrid(gridRows, gridCols, layout.imageLevels(), codes, layout.codebookSize());
    }

    /** The text of shared text ids (other ids are rejected). */
    public String decodeText(int[] ids) {
        int[] t = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            t[i] = layout.textIndex(ids[i]);
        }
        return text.decode(t);
    }

    /**
     * Reads any id sequence back: text runs decoded, image spans between {@code <boi>} and
     * {@code <eoi>} (or the end) turned into grids, or SeTok spans, control tokens named. Image
     * ids outside a span and spans of the wrong length are kept as incomplete images (missing
     * codes 0).
     */
    public MixedSequence decode(int[] ids) {
        return decode(ids, List.of());
    }

    /**
     * As {@link #decode(int[])}; a SeTok span whose ids are those of one of {@code known} (the
     * sets the sequence was made from) reads back as that set, with its true patch assignment,
     * which ids do not carry; any other span assigns each patch to its nearest centre.
     */
    public MixedSequence decode(int[] ids, List<TokenSet> known) {
        List<Segment> out = new ArrayList<>();
        int i = 0;
        while (i < ids.length) {
            TokenKind kind = layout.kind(ids[i]);
            if (kind == TokenKind.TEXT) {
                int j = i;
                while (j < ids.length && layout.kind(ids[j]) == TokenKind.TEXT) {
                    j++;
                }
                int[] run = Arrays.copyOfRange(ids, i, j);
                out.add(new Segment.Text(decodeText(run), run));
                i = j;
            } else if (kind == TokenKind.IMAGE || ids[i] == id(SpecialToken.BOI)) {
                if (kind == TokenKind.SPECIAL) {
                    out.add(new Segment.Special(SpecialToken.BOI));
                    i++;
                }
                int j = i;
                while (j < ids.length && layout.kind(ids[j]) == TokenKind.IMAGE) {
                    j++;
                }
                int[] run = Arrays.copyOfRange(ids, i, j);
                out.add(readsSpans() ? span(run, known) : image(run));
                i = j;
            } else {
                out.add(ids[i] < SpecialToken.values().length ? new Segment.Special(layout.special(ids[i]))
                        : new Segment.TaskTag(layout.specialText(ids[i])));
                i++;
            }
        }
        return new MixedSequence(out);
    }

    private Segment.Span span(int[] run, List<TokenSet> known) {
        for (TokenSet s : known) {
            if (s.side() == gridRows && s.codebookSize() == layout.codebookSize() && s.count() <= spanTokens
                    && Arrays.equals(encodeSpan(s), run)) {
                return new Segment.Span(s, true, run.length);
            }
        }
        int pairs = Math.min(run.length / 2, spanTokens);
        boolean complete = run.length % 2 == 0 && run.length > 0 && run.length / 2 <= spanTokens;
        List<Integer> codes = new ArrayList<>();
        List<Integer> centres = new ArrayList<>();
        for (int k = 0; k < pairs; k++) {
            int code = run[2 * k];
            int centre = run[2 * k + 1];
            boolean inOrder = centres.isEmpty() || layout.imageCode(centre) > centres.get(centres.size() - 1);
            if (layout.imageLevel(code) != 0 || layout.imageLevel(centre) != 1 || !inOrder
                    || layout.imageCode(centre) >= gridRows * gridCols) {
                complete = false;
                break;
            }
            codes.add(layout.imageCode(code));
            centres.add(layout.imageCode(centre));
        }
        if (codes.isEmpty()) {
            return new Segment.Span(null, false, run.length);
        }
        int[] c = centres.stream().mapToInt(Integer::intValue).toArray();
        return new Segment.Span(new TokenSet(gridRows, codes.stream().mapToInt(Integer::intValue).toArray(), c,
                nearestCentres(c), layout.codebookSize()), complete, run.length);
    }

    /** Each patch's nearest centre (the lower-numbered on a tie): a drawing of a span whose clusters the ids do not carry. */
    private int[] nearestCentres(int[] centres) {
        int side = gridRows;
        int[] out = new int[side * side];
        for (int p = 0; p < out.length; p++) {
            int best = 0;
            int bestDistance = Integer.MAX_VALUE;
            for (int k = 0; k < centres.length; k++) {
                int dr = p / side - centres[k] / side;
                int dc = p % side - centres[k] % side;
                int d = dr * dr + dc * dc;
                if (d < bestDistance) {
                    bestDistance = d;
                    best = k;
                }
            }
            out[p] = best;
        }
        return out;
    }

    private Segment.Image image(int[] span) {
        int[] codes = new int[imageTokens()];
        boolean complete = span.length == codes.length;
        for (int k = 0; k < Math.min(span.length, codes.length); k++) {
            if (layout.imageLevel(span[k]) != k % layout.imageLevels()) {
                complete = false;
            }
            codes[k] = layout.imageCode(span[k]);
        }
        return new Segment.Image(new TokenGrid(gridRows, gridCols, layout.imageLevels(), codes, layout.codebookSize()),
                complete, span.length);
    }
}
