package dev.tessera.engine.vocab;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;

/**
 * Where each kind of token lives in the one id space of the unified model: the special
 * tokens first (the fixed {@link SpecialToken}s, then the task tags bound after them), then the
 * text tokenizer's ids, then one block of image codes per quantizer level (UniCode's stacked
 * quantization puts every level of a residual stack in the vocabulary, arXiv 2403.09072). Pure
 * arithmetic: it answers "which ids are text / image / special" without touching a tensor.
 *
 * <p>Task tags are the spare control ids new tasks open their sequences with (e.g.
 * {@code <colours>}): up to {@value #MAX_TASK_TAGS}, bound by name when a stage first trains a
 * task with a new tag ({@link #withTaskTags}), and stored in the checkpoint. A model saved before
 * tags existed has none, and loads unchanged.
 *
 * @param textSize     ids of the text tokenizer
 * @param imageLevels  quantizer levels (1 for VQ and FSQ, the depth of a residual stack)
 * @param codebookSize codes per level
 * @param taskTags     bound task tags, e.g. {@code <colours>}, in id order
 */
public record VocabularyLayout(int textSize, int imageLevels, int codebookSize, List<String> taskTags) {

    /** The most task tags a model may bind beyond the fixed control tokens. */
    public static final int MAX_TASK_TAGS = 8;

    public VocabularyLayout {
        if (textSize < 1 || imageLevels < 1 || codebookSize < 1) {
            throw new IllegalArgumentException("text size, image levels and codebook size must be >= 1, got "
                    + textSize + ", " + imageLevels + ", " + codebookSize);
        }
        taskTags = taskTags == null ? List.of() : List.copyOf(taskTags);
        if (taskTags.size() > MAX_TASK_TAGS) {
            throw new IllegalArgumentException("at most " + MAX_TASK_TAGS + " task tags fit the vocabulary, got "
                    + taskTags.size() + ": " + taskTags);
        }
        if (new HashSet<>(taskTags).size() != taskTags.size() || taskTags.stream().anyMatch(VocabularyLayout::isFixed)) {
            throw new IllegalArgumentException("task tags must be new and distinct, got " + taskTags);
        }
    }

    /** A layout without task tags. */
    public VocabularyLayout(int textSize, int imageLevels, int codebookSize) {
        this(textSize, imageLevels, codebookSize, List.of());
    }

    /** Number of special tokens: the fixed control tokens and the bound task tags. */
    public int specialCount() {
        return SpecialToken.values().length + taskTags.size();
    }

    /**
     * This layout with {@code tags} bound too (those not bound yet, after the others). Every
     * text and image id moves up by the number added: {@code UnifiedTransformer#withTaskTags}
     * moves the embedding rows with them.
     */
    public VocabularyLayout withTaskTags(Collection<String> tags) {
        List<String> all = new ArrayList<>(taskTags);
        for (String t : tags) {
            if (!isFixed(t) && !all.contains(t)) {
                all.add(t);
            }
        }
        if (all.size() > MAX_TASK_TAGS) {
            throw new IllegalArgumentException("binding " + tags + " would need " + all.size() + " task tags; a model has "
                    + MAX_TASK_TAGS + " (bound: " + taskTags + "); reuse a tag (several tasks may share one)");
        }
        return new VocabularyLayout(textSize, imageLevels, codebookSize, all);
    }

    /**
     * The id of tag {@code tag} ({@code <caption>}, {@code <ask>}, or a bound task tag such as
     * {@code <colours>}); an unbound tag is refused with the fix.
     */
    public int tagId(String tag) {
        for (SpecialToken t : SpecialToken.values()) {
            if (t.text().equals(tag)) {
                return t.ordinal();
            }
        }
        int i = taskTags.indexOf(tag);
        if (i < 0) {
            throw new IllegalArgumentException("this model has no " + tag + " tag (bound task tags: " + taskTags
                    + "); train the task in a stage, which binds its tag first, or load a checkpoint that did");
        }
        return SpecialToken.values().length + i;
    }

    /** The written form of special id {@code id}: a control token or a bound task tag. */
    public String specialText(int id) {
        check(id);
        int fixed = SpecialToken.values().length;
        if (id < fixed) {
            return SpecialToken.values()[id].text();
        }
        if (id < specialCount()) {
            return taskTags.get(id - fixed);
        }
        throw new IllegalArgumentException("id " + id + " is not a special token");
    }

    /** True when {@code tag} is a fixed control token ({@code <pad>} ... {@code <answer>}), not a bindable task tag. */
    public static boolean isFixed(String tag) {
        for (SpecialToken t : SpecialToken.values()) {
            if (t.text().equals(tag)) {
                return true;
            }
        }
        return false;
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

    /** The fixed control token of {@code id}; a bound task tag has none ({@link #specialText}). */
    public SpecialToken special(int id) {
        if (kind(id) != TokenKind.SPECIAL || id >= SpecialToken.values().length) {
            throw new IllegalArgumentException("id " + id + " is not a fixed control token");
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
