package dev.tessera.engine.data;

import dev.tessera.engine.image.RgbImage;

import java.util.List;

/**
 * An endless, deterministic stream of square training images: image {@code i} is the same on
 * every call and every machine, so a training run can be repeated and resumed exactly. Generated
 * scenes ({@link #scenes}) and random crops of photographs ({@link PhotoCrops}) are the two kinds.
 */
public interface TrainingImages {

    /** Side of every image, in pixels. */
    int size();

    /** Images {@code first .. first + count - 1}. */
    List<RgbImage> images(long first, int count);

    /** What the stream is, for a checkpoint's provenance (a record or a map Jackson can write). */
    Object describe();

    /** The same stream drawn with another seed (each training run seeds its data with its own). */
    TrainingImages withSeed(long seed);

    /** Generated scenes of {@code config}'s size and object counts. */
    static TrainingImages scenes(SceneConfig config) {
        return new SceneImages(config);
    }

    /** Scenes as training images. */
    record SceneImages(SceneConfig config) implements TrainingImages {

        @Override
        public int size() {
            return config.size();
        }

        @Override
        public List<RgbImage> images(long first, int count) {
            return new SceneGenerator(config).scenes(first, count).stream().map(Scene::image).toList();
        }

        @Override
        public Object describe() {
            return config;
        }

        @Override
        public TrainingImages withSeed(long seed) {
            return new SceneImages(new SceneConfig(config.size(), config.minObjects(), config.maxObjects(), seed));
        }
    }
}
