package dev.tessera.engine.vocab;

/**
 * Where each kind of token lives in the one id space of the unified model: the special
 * tokens first, then the text tokenizer's ids, then one block of image codes per quantizer
 * level (UniCode's stacked quantization puts every level of a residual stack in the
 * vocabulary, arXiv 2403.09072). Pure arithmetic: it answers "which ids are text / image /
 * special" without touching a tensor.
 *
 * @param textSize     ids of the text tokenizer
 * @param imageLevels  quantizer levels (1 for VQ and FSQ, the depth of a residual stack)
 * @param codebookSize codes per level
 */
public record VocabularyLayout(int textSize, int imageLevels, int codebookSize) {

    public VocabularyLayout {
        if (textSize < 1 || imageLevels < 1 || codebookSize < 1) {
            throw new IllegalArgumentException("text size, image levels and codebook size must be >= 1, got "
                    + textSize + ", " + imageLevels + ", " + codebookSize);
        }
    }

    /** Number of special tokens. */
    public int specialCount() {
        return SpecialToken.values().length;
    }

    /** First text id. */
    public int textStart() {
        return specialCount();
    }

    /** First image id (level 0, code 0). */
    public int imageStart() {
        return textStart() + textSize;
    }

    /** Ids of all image levels together. */
    public int imageSize() {
        return imageLevels * codebookSize;
    }

    /** Total vocabulary size. */
    public int size() {
        return imageStart() + imageSize();
    }

    public int id(SpecialToken t) {
        return t.ordinal();
    }

    /** The shared id of text-tokenizer id {@code textId}. */
    public int textId(int textId) {
        if (textId < 0 || textId >= textSize) {
            throw new IllegalArgumentException("text id " + textId + " outside 0.." + (textSize - 1));
        }
        return textStart() + textId;
    }

    /** The shared id of code {@code code} at quantizer level {@code level}. */
    public int imageId(int level, int code) {
        if (level < 0 || level >= imageLevels || code < 0 || code >= codebookSize) {
            throw new IllegalArgumentException("image code " + code + " at level " + level + " outside "
                    + imageLevels + " levels of " + codebookSize + " codes");
        }
        return imageStart() + level * codebookSize + code;
    }

    public TokenKind kind(int id) {
        check(id);
        if (id < textStart()) {
            return TokenKind.SPECIAL;
        }
        return id < imageStart() ? TokenKind.TEXT : TokenKind.IMAGE;
    }

    public SpecialToken special(int id) {
        if (kind(id) != TokenKind.SPECIAL) {
            throw new IllegalArgumentException("id " + id + " is not a special token");
        }
        return SpecialToken.values()[id];
    }

    /** The text-tokenizer id of shared text id {@code id}. */
    public int textIndex(int id) {
        if (kind(id) != TokenKind.TEXT) {
            throw new IllegalArgumentException("id " + id + " is not a text token");
        }
        return id - textStart();
    }

    /** The quantizer level of image id {@code id}. */
    public int imageLevel(int id) {
        if (kind(id) != TokenKind.IMAGE) {
            throw new IllegalArgumentException("id " + id + " is not an image token");
        }
        return (id - imageStart()) / codebookSize;
    }

    /** The code (within its level) of image id {@code id}. */
    public int imageCode(int id) {
        imageLevel(id);
        return (id - imageStart()) % codebookSize;
    }

    private void check(int id) {
        if (id < 0 || id >= size()) {
            throw new IllegalArgumentException("id " + id + " outside the vocabulary 0.." + (size() - 1));
        }
    }
}
