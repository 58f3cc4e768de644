package dev.tessera.engine.unified;

/**
 * How much text-to-image a {@link GenerationEvaluation} draws: every prompt category gets
 * {@code promptsPerCategory} prompts and every prompt {@code samplesPerPrompt} images, so each
 * category's score rests on the same number of images.
 *
 * @param promptsPerCategory prompts drawn per category (a category with fewer prompts repeats them
 *                           with other sampling seeds), 1..256
 * @param samplesPerPrompt   images generated per prompt, 1..{@link UnifiedModel#MAX_IMAGES}; at
 *                           least 2 for a diversity figure
 * @param promptSeed         fixes which prompts are drawn; the sampling seed fixes the images
 */
public record GenerationEvaluationConfig(int promptsPerCategory, int samplesPerPrompt, long promptSeed) {

    public GenerationEvaluationConfig {
        if (promptsPerCategory < 1 || promptsPerCategory > 256) {
            throw new IllegalArgumentException("promptsPerCategory must be 1..256, got " + promptsPerCategory);
        }
        UnifiedModel.checkImageCount(samplesPerPrompt);
    }

    /** 4 prompts x 2 images per category (48 images): what {@code %tessera evaluate} draws, a few seconds. */
    public static GenerationEvaluationConfig quick() {
        return new GenerationEvaluationConfig(4, 2, 7);
    }

    /** 16 prompts x 4 images per category (384 images): the README's numbers. */
    public static GenerationEvaluationConfig full() {
        return new GenerationEvaluationConfig(16, 4, 7);
    }

    public GenerationEvaluationConfig withSamples(int n) {
        return new GenerationEvaluationConfig(promptsPerCategory, n, promptSeed);
    }

    public GenerationEvaluationConfig withPromptSeed(long seed) {
        return new GenerationEvaluationConfig(promptsPerCategory, samplesPerPrompt, seed);
    }

    public GenerationEvaluationConfig withPrompts(int n) {
        return new GenerationEvaluationConfig(n, samplesPerPrompt, promptSeed);
    }

    /** Images generated over all categories. */
    public int images(int categories) {
        return categories * promptsPerCategory * samplesPerPrompt;
    }
}
