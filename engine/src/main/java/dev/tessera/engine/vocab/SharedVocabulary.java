package dev.tessera.engine.vocab;

import dev.tessera.engine.text.TextTokenizer;
import dev.tessera.engine.tokenize.TokenGrid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The one vocabulary of the unified model: a {@link VocabularyLayout} plus the text tokenizer
 * and the image grid geometry it needs to turn text and {@link TokenGrid}s into shared ids and
 * any id sequence back into text and images ({@link MixedSequence}).
 *
 * @param layout      where each kind of id lives
 * @param text        the text tokenizer (its ids are offset by {@link VocabularyLayout#textStart()})
 * @param gridRows    rows of every image's token grid
 * @param gridCols    columns of every image's token grid
 */
public record SharedVocabulary(VocabularyLayout layout, TextTokenizer text, int gridRows, int gridCols) {

    public SharedVocabulary {
        if (text.vocabSize() != layout.textSize()) {
            throw new IllegalArgumentException("the layout has room for " + layout.textSize()
                    + " text ids but the text tokenizer has " + text.vocabSize());
        }
        if (gridRows < 1 || gridCols < 1) {
            throw new IllegalArgumentException("image grid must be at least 1x1, got " + gridRows + "x" + gridCols);
        }
    }

    /** Ids one image takes: rows x cols x levels. */
    public int imageTokens() {
        return gridRows * gridCols * layout.imageLevels();
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

    /** Shared ids of an image's grid, position-major with levels inner (as {@link TokenGrid} stores them). */
    public int[] encodeImage(TokenGrid grid) {
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

    /** The grid of exactly {@link #imageTokens()} image ids. */
    public TokenGrid decodeImage(int[] ids) {
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
     * {@code <eoi>} (or the end) turned into grids, control tokens named. Image ids outside a
     * span and spans of the wrong length are kept as incomplete images (missing codes 0).
     */
    public MixedSequence decode(int[] ids) {
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
                out.add(image(Arrays.copyOfRange(ids, i, j)));
                i = j;
            } else {
                out.add(ids[i] < SpecialToken.values().length ? new Segment.Special(layout.special(ids[i]))
                        : new Segment.TaskTag(layout.specialText(ids[i])));
                i++;
            }
        }
        return new MixedSequence(out);
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
