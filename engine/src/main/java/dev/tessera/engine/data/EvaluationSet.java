package dev.tessera.engine.data;

import dev.tessera.engine.image.RgbImage;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Images to measure tokenizers on: held-out synthetic scenes (with their object counts, so
 * dynamic token counts can be correlated with scene complexity), or the test split of MNIST
 * or Fashion-MNIST resized to the tokenizer's side.
 *
 * @param name         the source, e.g. {@code scenes}
 * @param images       the images
 * @param objectCounts objects per image for scenes; empty for other sources
 */
public record EvaluationSet(String name, List<RgbImage> images, int[] objectCounts) {

    /** The sources by name. */
    public enum Source {
        SCENES, MNIST, FASHION_MNIST;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** Parses {@code scenes}, {@code mnist} or {@code fashion-mnist}; the error lists them. */
        public static Source parse(String text) {
            for (Source s : values()) {
                if (s.id().equals(text)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown data '" + text + "': use one of "
                    + Arrays.stream(values()).map(Source::id).collect(Collectors.joining(", ")));
        }
    }

    /**
     * Most images one evaluation measures: the held-out set is the first 4096 scenes of the
     * held-out stream (MNIST's test split holds 10000), which keeps a run's time and memory
     * bounded; the shipped numbers use 512.
     */
    public static final int MAX_IMAGES = 4096;

    public EvaluationSet {
        images = List.copyOf(images);
        objectCounts = objectCounts.clone();
    }

    /** Refuses an evaluation size outside 1..{@link #MAX_IMAGES}; returns it. */
    public static int checkCount(int n) {
        if (n < 1 || n > MAX_IMAGES) {
            throw new IllegalArgumentException("evaluations measure 1.." + MAX_IMAGES + " held-out images, got " + n);
        }
        return n;
    }

    /** The first {@code n} (1..{@link #MAX_IMAGES}) images of {@code source} at {@code side} pixels. */
    public static EvaluationSet load(Source source, int n, int side) {
        checkCount(n);
        return switch (source) {
            case SCENES -> {
                List<Scene> scenes = new SceneGenerator(SceneConfig.heldOut64().withSize(side)).scenes(0, n);
                yield new EvaluationSet(source.id(), scenes.stream().map(Scene::image).toList(),
                        scenes.stream().mapToInt(Scene::count).toArray());
            }
            case MNIST, FASHION_MNIST -> {
                MnistDataset set = source == Source.MNIST ? MnistDataset.MNIST : MnistDataset.FASHION_MNIST;
                LabelledImages li = set.read(Split.TEST, ImageLoadOptions.resizedTo(side).withLimit(n));
                yield new EvaluationSet(source.id(), li.images(), new int[0]);
            }
        };
    }

    /** True when object counts are known. */
    public boolean hasObjectCounts() {
        return objectCounts.length == images.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EvaluationSet e && name.equals(e.name) && images.equals(e.images)
                && Arrays.equals(objectCounts, e.objectCounts);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + images.size();
    }

    @Override
    public String toString() {
        return "EvaluationSet[" + name + ", " + images.size() + " images]";
    }
}
