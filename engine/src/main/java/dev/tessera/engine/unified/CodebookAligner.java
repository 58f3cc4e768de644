package dev.tessera.engine.unified;

import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.lm.EmbeddingMode;
import dev.tessera.engine.quantize.VectorQuantizer;

import java.util.List;

/**
 * Carries out a stage's {@link CodebookAlignment} on one model: the tokenizer's EMA step before
 * each language-model step, and every {@code every} steps the pull of the codebook toward the
 * model's image table (and, in the two-way arm, of the table toward the codebook).
 */
final class CodebookAligner {

    private final UnifiedModel model;
    private final CodebookAlignment alignment;
    private final VectorQuantizer codebook;

    private CodebookAligner(UnifiedModel model, CodebookAlignment alignment, VectorQuantizer codebook) {
        this.model = model;
        this.alignment = alignment;
        this.codebook = codebook;
    }

    /**
     * The aligner of {@code alignment} on {@code model}, or null when the tokenizer stays frozen;
     * a clear error when the model cannot be aligned.
     */
    static CodebookAligner of(UnifiedModel model, CodebookAlignment alignment) {
        if (!alignment.learns()) {
            return null;
        }
        if (model.config().embedding() != EmbeddingMode.UNIFIED_CODEBOOK) {
            throw new IllegalArgumentException("codebook alignment (" + alignment.mode().id() + ") needs a model whose image "
                    + "table is the tokenizer's codebook (embedding " + EmbeddingMode.UNIFIED_CODEBOOK.id() + ", as the "
                    + "small-unicode preset has); this model uses " + model.config().embedding().id());
        }
        VectorQuantizer vq = model.imageTokenizer().alignableCodebook();
        int values = vq.config().codebookSize() * vq.config().codeWidth();
        if (model.transformer().imageCodebook().length != values) {
            throw new IllegalArgumentException("the model's image table does not match its tokenizer's codebook ("
                    + vq.config().codebookSize() + " x " + vq.config().codeWidth() + "); train the model over this tokenizer");
        }
        model.markOwnImageTokenizer();
        return new CodebookAligner(model, alignment, vq);
    }

    /** The tokenizer step: one EMA update of the codebook on the images of the coming batch. */
    void tokenizerStep(List<RgbImage> images) {
        model.imageTokenizer().learnCodebook(images);
    }

    /** After language-model step {@code stepsDone}: the alignment, when one falls there. */
    void afterStep(int stepsDone) {
        if (!alignment.alignsAfter(stepsDone)) {
            return;
        }
        float[] table = model.transformer().imageCodebook();
        float[] codes = codebook.codebookValues();
        if (alignment.pullsCodebook()) {
            codebook.pullToward(table, alignment.lambda());
        }
        if (alignment.pullsTable()) {
            model.transformer().pullImageCodebook(codes, alignment.lambda());
        }
    }

    /** Mean squared distance between the codebook and the model's table, per value: how far apart they drifted. */
    double gap() {
        float[] table = model.transformer().imageCodebook();
        float[] codes = codebook.codebookValues();
        double s = 0;
        for (int i = 0; i < codes.length; i++) {
            double d = codes[i] - table[i];
            s += d * d;
        }
        return s / codes.length;
    }
}
