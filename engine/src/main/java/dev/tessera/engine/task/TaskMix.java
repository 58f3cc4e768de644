package dev.tessera.engine.task;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How often each task appears in training (weights by task name, in draw order), and how often a
 * text-to-image prompt is dropped (the {@link GenerateTask}'s setting, kept here because every
 * checkpoint's config stores it here). In JSON it is one flat object,
 * {@code {"caption": 1, "generate": 1, "answer": 1, "promptDropout": 0.1}}, as checkpoints have
 * always written it.
 *
 * @param weights       task name -> weight (>= 0, a positive sum); drawn in this order
 * @param promptDropout chance that a text-to-image example gets an empty prompt
 */
public record TaskMix(@JsonIgnore Map<String, Double> weights, double promptDropout) {

    public TaskMix {
        if (weights == null || weights.isEmpty()) {
            throw new IllegalArgumentException("a task mix names at least one task, e.g. {\"caption\": 1}");
        }
        double sum = 0;
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            if (e.getValue() == null || !(e.getValue() >= 0) || e.getValue().isInfinite()) {
                throw new IllegalArgumentException("task weights must be finite and >= 0, got " + e.getKey() + "="
                        + e.getValue());
            }
            sum += e.getValue();
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("task weights must have a positive sum, got " + weights);
        }
        if (!(promptDropout >= 0) || promptDropout >= 1) {
            throw new IllegalArgumentException("promptDropout must be in [0, 1), got " + promptDropout);
        }
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    }

    /** Captioning, text-to-image and question answering with these weights. */
    public TaskMix(double caption, double generate, double answer, double promptDropout) {
        this(three(caption, generate, answer), promptDropout);
    }

    /** All three of Tessera's tasks equally, 10% unconditional text-to-image examples. */
    public static TaskMix balanced() {
        return new TaskMix(1, 1, 1, GenerateTask.DEFAULT_DROPOUT);
    }

    /** Only {@code task}s, equally weighted, with the default prompt dropout. */
    public static TaskMix of(String... tasks) {
        Map<String, Double> w = new LinkedHashMap<>();
        for (String t : tasks) {
            w.put(t, 1.0);
        }
        return new TaskMix(w, GenerateTask.DEFAULT_DROPOUT);
    }

    /** Reads the flat JSON form: every key but {@code promptDropout} is a task weight. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static TaskMix fromJson(Map<String, Object> flat) {
        Map<String, Double> w = new LinkedHashMap<>();
        double dropout = GenerateTask.DEFAULT_DROPOUT;
        for (Map.Entry<String, Object> e : flat.entrySet()) {
            if (!(e.getValue() instanceof Number n)) {
                throw new IllegalArgumentException("task weight " + e.getKey() + " must be a number, got " + e.getValue());
            }
            if (e.getKey().equals("promptDropout")) {
                dropout = n.doubleValue();
            } else {
                w.put(e.getKey(), n.doubleValue());
            }
        }
        return new TaskMix(w, dropout);
    }

    @JsonAnyGetter
    Map<String, Double> jsonWeights() {
        return weights;
    }


    /** Equal when the same tasks have the same weights in the same order: the order decides the draws. */
    @Override
    public boolean equals(Object o) {
        return o instanceof TaskMix m && promptDropout == m.promptDropout
                && List.copyOf(weights.entrySet()).equals(List.copyOf(m.weights.entrySet()));
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(List.copyOf(weights.entrySet()), promptDropout);
    }

    /** The task names, in draw order. */
    public List<String> names() {
        return List.copyOf(weights.keySet());
    }

    /** The task of {@code name}: the registered one, or a text-to-image task (either phrasing) with this mix's dropout. */
    public Task task(String name) {
        if (name.equals(PromptedGenerateTask.NAME)) {
            return new PromptedGenerateTask(promptDropout, PromptedGenerateTask.DEFAULT_CAPTION_SHARE);
        }
        return name.equals(GenerateTask.NAME) ? new GenerateTask(promptDropout) : Tasks.get(name);
    }

    /** Draws a task name by weight: one {@code nextDouble} from {@code rng}. */
    public String draw(SplittableRandom rng) {
        double total = 0;
        for (double w : weights.values()) {
            total += w;
        }
        double r = rng.nextDouble() * total;
        double at = 0;
        String last = null;
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            at += e.getValue();
            last = e.getKey();
            if (r < at) {
                return last;
            }
        }
        return last;
    }

    private static Map<String, Double> three(double caption, double generate, double answer) {
        Map<String, Double> w = new LinkedHashMap<>();
        w.put(CaptionTask.NAME, caption);
        w.put(GenerateTask.NAME, generate);
        w.put(AnswerTask.NAME, answer);
        return w;
    }
}
