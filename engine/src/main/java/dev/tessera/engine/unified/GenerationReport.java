package dev.tessera.engine.unified;

import java.util.Map;

/**
 * Text-to-image judged by the independent scene judge: for single-object prompts
 * ("a red circle"), the share of generated images in which the judge sees exactly the
 * prompt's colour and shape; the judge's own score on real scenes of the same prompts
 * and on their tokenizer reconstructions bounds what a generator can reach.
 *
 * @param prompts           distinct prompts
 * @param images            generated images judged
 * @param judgedCorrect     share judged correct for colour and shape
 * @param byPrompt          share judged correct per prompt
 * @param judgeOnReal       judge's score on real scenes of the same prompts
 * @param judgeOnTokenized  judge's score on those real scenes after tokenizer encode + decode
 * @param millisPerImage    mean generation time per image (decoder included)
 * @param cfgScale          guidance scale used
 */
public record GenerationReport(int prompts, int images, double judgedCorrect, Map<String, Double> byPrompt,
                               double judgeOnReal, double judgeOnTokenized, double millisPerImage, double cfgScale) {

    public GenerationReport {
        byPrompt = Map.copyOf(byPrompt);
    }

    @Override
    public String toString() {
        return String.format("text-to-image: %.1f%% of %d images judged correct (%d prompts, cfg %.1f; judge on real %.1f%%, "
                        + "on tokenized %.1f%%), %.0f ms/image", 100 * judgedCorrect, images, prompts, cfgScale,
                100 * judgeOnReal, 100 * judgeOnTokenized, millisPerImage);
    }
}
