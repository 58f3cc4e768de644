package dev.tessera.engine.data;

/** The training or the test part of a data set that ships both (MNIST, Fashion-MNIST). */
public enum Split {
    /** The training images (60,000 in MNIST and Fashion-MNIST). */
    TRAIN("train"),
    /** The held-out test images (10,000 in MNIST and Fashion-MNIST). */
    TEST("t10k");

    private final String filePrefix;

    Split(String filePrefix) {
        this.filePrefix = filePrefix;
    }

    /** The prefix of this split's IDX file names: {@code train} or {@code t10k}. */
    public String filePrefix() {
        return filePrefix;
    }

    /** The images file's name without a {@code .gz} suffix, e.g. {@code t10k-images-idx3-ubyte}. */
    public String imagesFile() {
        return filePrefix + "-images-idx3-ubyte";
    }

    /** The labels file's name without a {@code .gz} suffix, e.g. {@code t10k-labels-idx1-ubyte}. */
    public String labelsFile() {
        return filePrefix + "-labels-idx1-ubyte";
    }

    /** {@code train} or {@code test}, any case; a bad value's error lists the valid ones. */
    public static Split parse(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "train" -> TRAIN;
            case "test", "t10k" -> TEST;
            default -> throw new IllegalArgumentException("unknown split '" + text + "'; use train or test");
        };
    }

    @Override
    public String toString() {
        return this == TRAIN ? "train" : "test";
    }
}
