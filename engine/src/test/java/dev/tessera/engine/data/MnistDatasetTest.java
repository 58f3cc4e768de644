package dev.tessera.engine.data;

import dev.tessera.engine.image.RgbImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.tessera.engine.data.IdxTestFiles.idx;
import static dev.tessera.engine.data.IdxTestFiles.images;
import static dev.tessera.engine.data.IdxTestFiles.labels;
import static dev.tessera.engine.data.IdxTestFiles.pixel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MnistDatasetTest {

    @TempDir
    Path dir;

    @Test
    void readsGreyImagesIntoAllThreeChannelsWithClassNames() throws Exception {
        IdxTestFiles.writeSplit(dir, Split.TRAIN, 12, 28, false);
        LabelledImages set = MnistDataset.FASHION_MNIST.read(dir, Split.TRAIN, ImageLoadOptions.all());
        assertThat(set.size()).isEqualTo(12);
        assertThat(set.name()).isEqualTo("Fashion-MNIST train");
        assertThat(set.classes()).hasSize(10).startsWith("T-shirt/top", "Trouser").endsWith("Bag", "Ankle boot");
        LabelledImage seventh = set.get(7);
        assertThat(seventh.label()).isEqualTo(7);
        assertThat(seventh.labelName()).isEqualTo("Sneaker");
        assertThat(seventh.source()).isEqualTo("Fashion-MNIST train #7");
        RgbImage img = seventh.image();
        assertThat(img.width()).isEqualTo(28);
        int offset = 5 * 28 + 9;
        for (int c = 0; c < 3; c++) {
            assertThat(img.at(c, 9, 5)).isEqualTo(pixel(7, offset) / 255f);
        }
        assertThat(set.labels()).startsWith(0, 1, 2);
        assertThat(set.classCounts()).containsExactly(2, 2, 1, 1, 1, 1, 1, 1, 1, 1);
        assertThat(set.toString()).isEqualTo("Fashion-MNIST train: 12 images 28x28, 10 classes");
    }

    @Test
    void gzipAndRawFilesGiveTheSameImages() throws Exception {
        IdxTestFiles.writeSplit(dir.resolve("raw"), Split.TEST, 5, 28, false);
        IdxTestFiles.writeSplit(dir.resolve("gz"), Split.TEST, 5, 28, true);
        LabelledImages raw = MnistDataset.MNIST.read(dir.resolve("raw"), Split.TEST, ImageLoadOptions.all());
        LabelledImages gz = MnistDataset.MNIST.read(dir.resolve("gz"), Split.TEST, ImageLoadOptions.all());
        assertThat(gz.images()).isEqualTo(raw.images());
        assertThat(gz.get(3).labelName()).isEqualTo("3");
    }

    @Test
    void aLimitDecodesOnlyThatMany() throws Exception {
        IdxTestFiles.writeSplit(dir, Split.TRAIN, 300, 28, true);
        LabelledImages set = MnistDataset.MNIST.read(dir, Split.TRAIN, ImageLoadOptions.all().withLimit(16));
        assertThat(set.size()).isEqualTo(16);
    }

    @Test
    void resizingGoesThroughTheCentreSquarePolicy() throws Exception {
        byte[] flat = new byte[2 * 28 * 28];
        java.util.Arrays.fill(flat, (byte) 128);
        Files.write(dir.resolve(Split.TEST.imagesFile()), idx(0x08, new int[] {2, 28, 28}, flat));
        Files.write(dir.resolve(Split.TEST.labelsFile()), labels(2));
        for (int side : new int[] {16, 32, 64}) {
            RgbImage img = MnistDataset.MNIST.read(dir, Split.TEST, ImageLoadOptions.resizedTo(side)).get(1).image();
            assertThat(img.width()).isEqualTo(side);
            assertThat(img.height()).isEqualTo(side);
            assertThat(img.at(2, side / 2, side / 3)).isCloseTo(128 / 255f, within(1e-6f));
        }
    }

    @Test
    void imagesAndLabelsOfDifferentCountsAreASizeMismatch() throws Exception {
        Files.write(dir.resolve(Split.TRAIN.imagesFile()), images(5, 28, 28));
        Files.write(dir.resolve(Split.TRAIN.labelsFile()), labels(4));
        assertThatThrownBy(() -> MnistDataset.MNIST.read(dir, Split.TRAIN, ImageLoadOptions.all()))
                .isInstanceOf(DataFileException.class).hasMessageContaining("size mismatch")
                .hasMessageContaining("5 images").hasMessageContaining("4 labels");
    }

    @Test
    void swappedFilesAreNamed() throws Exception {
        Files.write(dir.resolve(Split.TRAIN.imagesFile()), labels(5));
        Files.write(dir.resolve(Split.TRAIN.labelsFile()), images(5, 28, 28));
        assertThatThrownBy(() -> MnistDataset.MNIST.read(dir, Split.TRAIN, ImageLoadOptions.all()))
                .hasMessageContaining("not images").hasMessageContaining("idx3-ubyte");
    }

    @Test
    void aLabelOutsideTheClassesIsRefused() throws Exception {
        Files.write(dir.resolve(Split.TRAIN.imagesFile()), images(3, 28, 28));
        Files.write(dir.resolve(Split.TRAIN.labelsFile()), idx(0x08, new int[] {3}, new byte[] {1, 12, 3}));
        assertThatThrownBy(() -> MnistDataset.FASHION_MNIST.read(dir, Split.TRAIN, ImageLoadOptions.all()))
                .hasMessageContaining("item 1 label 12").hasMessageContaining("0..9");
    }

    @Test
    void aFolderWithoutTheFilesSaysWhichIsMissing() throws Exception {
        Files.write(dir.resolve(Split.TRAIN.imagesFile()), images(3, 28, 28));
        assertThatThrownBy(() -> MnistDataset.MNIST.read(dir, Split.TRAIN, ImageLoadOptions.all()))
                .isInstanceOf(DatasetNotFoundException.class).hasMessageContaining("train-labels-idx1-ubyte");
    }

    @Test
    void optionsAreValidated() {
        assertThatThrownBy(() -> ImageLoadOptions.resizedTo(-1)).hasMessageContaining("e.g. 32 or 64");
        assertThatThrownBy(() -> ImageLoadOptions.all().withLimit(0)).hasMessageContaining("at least 1");
        assertThat(Split.parse("Test")).isEqualTo(Split.TEST);
        assertThatThrownBy(() -> Split.parse("valid")).hasMessageContaining("train or test");
    }
}
