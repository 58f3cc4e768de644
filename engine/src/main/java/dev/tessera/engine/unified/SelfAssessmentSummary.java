package dev.tessera.engine.unified;

import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.prompt.PromptCategory;
import dev.tessera.engine.task.SelfAssessment;
import dev.tessera.engine.task.SelfAssessmentPool;
import dev.tessera.engine.tokenize.GridTokenizer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A self-assessment pool as a reader sees it: how many drawings the assessor found aligned, per
 * prompt category, how it agreed with the examiner on them, and a few dialogues with their
 * pictures decoded (the drawing, and for a misaligned one the real picture of its correction).
 *
 * @param model      the model that drew
 * @param assessor   the judge that assessed
 * @param drawings   drawings in the pool
 * @param aligned    share the assessor found aligned
 * @param byCategory that share per category
 * @param agreement  the assessor's agreement with the examiner on the same drawings, as recorded
 * @param command    the command that made the pool
 * @param examples   a few dialogues, aligned and not, from every category
 */
public record SelfAssessmentSummary(String model, String assessor, int drawings, double aligned,
                                    Map<PromptCategory, Double> byCategory, String agreement, String command,
                                    List<Example> examples) {

    public SelfAssessmentSummary {
        byCategory = Collections.unmodifiableMap(new LinkedHashMap<>(byCategory));
        examples = List.copyOf(examples);
    }

    /**
     * One dialogue.
     *
     * @param category  its prompt's category
     * @param prompt    the prompt
     * @param drawn     the model's drawing
     * @param aligned   the assessor found it aligned
     * @param rationale the assessment the model trains to write
     * @param real      the correction's picture (a real scene of the prompt), shown after a misaligned drawing
     */
    public record Example(PromptCategory category, String prompt, RgbImage drawn, boolean aligned, String rationale,
                          RgbImage real) {
    }

    /** {@code pool} with its first {@code perCategory} dialogues of each category decoded by {@code tokenizer}. */
    public static SelfAssessmentSummary of(SelfAssessmentPool pool, GridTokenizer tokenizer, int perCategory) {
        Map<String, Double> aligned = pool.alignedByCategory();
        Map<PromptCategory, Double> byCategory = new LinkedHashMap<>();
        List<SelfAssessment> shown = new ArrayList<>();
        for (PromptCategory c : PromptCategory.values()) {
            if (!aligned.containsKey(c.id())) {
                continue;
            }
            byCategory.put(c, aligned.get(c.id()));
            shown.addAll(pool.items().stream().filter(a -> a.category().equals(c.id())).limit(perCategory).toList());
        }
        List<RgbImage> pictures = tokenizer.decode(shown.stream().flatMap(a -> Stream.of(
                pool.grid(a.drawn()), pool.grid(a.real()))).toList());
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            SelfAssessment a = shown.get(i);
            examples.add(new Example(PromptCategory.parse(a.category()), a.prompt(), pictures.get(2 * i), a.aligned(),
                    a.rationale(), pictures.get(2 * i + 1)));
        }
        return new SelfAssessmentSummary(pool.model(), pool.assessor(), pool.items().size(), pool.alignedShare(), byCategory,
                String.valueOf(pool.provenance().getOrDefault("agreementWithExaminer", "not recorded")),
                String.valueOf(pool.provenance().getOrDefault("command", "not recorded")), examples);
    }

    /** The summary as plain text. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%d drawings by %s, %.1f%% aligned by %s",
                drawings, model, 100 * aligned, assessor));
        byCategory.forEach((c, v) -> s.append(String.format(Locale.ROOT, "%n  %-20s %.1f%% aligned", c.id(), 100 * v)));
        return s.append("\n").append(agreement).toString();
    }
}
