package dev.tessera.engine.data;

/**
 * What a {@link SceneGenerator} draws.
 *
 * @param size       image side in pixels: 64 (default), 32, or 16 (tiny, for tests); objects
 *                   stay large relative to one token (an 8x8 grid over small objects left a classifier at 4%)
 * @param minObjects fewest objects per scene, at least 1
 * @param maxObjects most objects per scene, at most 4
 * @param seed       stream seed; the same seed and index always give the same scene
 */
public record SceneConfig(int size, int minObjects, int maxObjects, long seed) {

    /** Seed of the held-out stream: never used for training. */
    public static final long HELD_OUT_SEED = 0x7E55E4AL;

    public SceneConfig {
        if (size != 16 && size != 32 && size != 64) {
            throw new IllegalArgumentException("scene size must be 16, 32 or 64, got " + size);
        }
        if (minObjects < 1 || maxObjects > 4 || minObjects > maxObjects) {
            throw new IllegalArgumentException("object counts must satisfy 1 <= min <= max <= 4, got min="
                    + minObjects + " max=" + maxObjects);
        }
    }

    /** 64x64 scenes with 1-4 objects: the default training data. */
    public static SceneConfig scenes64(long seed) {
        return new SceneConfig(64, 1, 4, seed);
    }

    /** 32x32 scenes with 1-4 objects. */
    public static SceneConfig scenes32(long seed) {
        return new SceneConfig(32, 1, 4, seed);
    }

    /** The held-out 64x64 scenes that evaluations and {@code sample:N} use. */
    public static SceneConfig heldOut64() {
        return scenes64(HELD_OUT_SEED);
    }

    public SceneConfig withSize(int s) {
        return new SceneConfig(s, minObjects, maxObjects, seed);
    }

    public SceneConfig withObjects(int min, int max) {
        return new SceneConfig(size, min, max, seed);
    }
}
