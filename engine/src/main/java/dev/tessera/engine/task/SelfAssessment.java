package dev.tessera.engine.task;

/**
 * One (prompt, image) pair of ILLUME's self-enhancing alignment (arXiv 2412.06673): an image the
 * model drew for a prompt, the assessor's verdict on it with its rationale, and a real image of
 * the prompt drawn by the scene generator (the correction of a misaligned drawing, and the
 * text-to-image pair the comparison arm trains on instead). Images are the model's image ids.
 *
 * @param category  the prompt's GenEval category ({@code PromptCategory.id()})
 * @param prompt    the prompt
 * @param drawn     the ids of the image the model drew, row by row
 * @param aligned   the assessor found everything the prompt asks, and nothing more
 * @param rationale the assessment in the model's words ("no, it shows a red square: a shape is wrong")
 * @param real      the ids of a real scene that shows the prompt exactly
 */
public record SelfAssessment(String category, String prompt, int[] drawn, boolean aligned, String rationale, int[] real) {

    public SelfAssessment {
        if (prompt == null || prompt.isBlank() || rationale == null || rationale.isBlank()) {
            throw new IllegalArgumentException("a self-assessment needs its prompt and its rationale");
        }
        if (drawn == null || real == null || drawn.length == 0 || drawn.length != real.length) {
            throw new IllegalArgumentException("a self-assessment needs the drawn and the real image's ids, as many of each");
        }
    }
}
