package dev.tessera.magic;

import dev.tessera.engine.data.EvaluationSet;
import dev.tessera.engine.image.ImageSource;
import dev.tessera.engine.tokenize.TokenizerCheckpoint;
import dev.tessera.engine.unified.UnifiedCheckpoint;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The parameters and options several magics take, each declared once as a picocli mixin
 * ({@code @Mixin SharedOptions.Model model;}), so its name, default and description cannot
 * differ from one magic to another.
 */
final class SharedOptions {

    private SharedOptions() {
    }

    /** The image a magic reads, its first parameter. */
    static final class Image {
        @Parameters(index = "0", paramLabel = "IMAGE", description = "sample:N, held-out synthetic scene number N "
                + "(N >= 0), or the path of a PNG, JPEG, GIF or BMP file (centre-cropped to a square and resized)")
        String text;

        ImageSource source() {
            return ImageSource.parse(text);
        }
    }

    /** The unified model a magic runs. */
    static final class Model {
        @Option(names = "--model", paramLabel = "NAME|FOLDER", defaultValue = UnifiedCheckpoint.DEFAULT,
                description = "the shipped model, a checkpoint folder, or last for the model trained last "
                        + "(default ${DEFAULT-VALUE})")
        String name;
    }

    /** The tokenizer a magic runs. */
    static final class Tokenizer {
        @Option(names = "--tokenizer", paramLabel = "NAME", defaultValue = TokenizerCheckpoint.DEFAULT,
                completionCandidates = EngineNames.OfTokenizers.class,
                description = "a shipped tokenizer: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
        String name;
    }

    /** How many held-out images an evaluation measures. */
    static final class Images {
        @Option(names = "--images", paramLabel = "N", defaultValue = "256",
                description = "held-out images to measure, 1.." + EvaluationSet.MAX_IMAGES
                        + " (default ${DEFAULT-VALUE})")
        int count;
    }
}
