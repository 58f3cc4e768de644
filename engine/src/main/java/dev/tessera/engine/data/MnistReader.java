package dev.tessera.engine.data;

import dev.tessera.engine.image.Images;
import dev.tessera.engine.image.RgbImage;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a pair of MNIST-style IDX files (images {@code N x rows x cols}, labels {@code N})
 * into {@link LabelledImages}, checking that the two files agree before decoding any pixel.
 */
final class MnistReader {

    private MnistReader() {
    }

    static LabelledImages read(MnistDataset dataset, Path folder, Split split, ImageLoadOptions options) {
        Path imagesPath = MnistLocator.idxFile(folder, split.imagesFile());
        Path labelsPath = MnistLocator.idxFile(folder, split.labelsFile());
        if (imagesPath == null || labelsPath == null) {
            throw new DatasetNotFoundException(folder + " lacks " + (imagesPath == null ? split.imagesFile() : split.labelsFile())
                    + " (raw or .gz); point at the folder that holds the " + dataset.displayName() + " IDX files");
        }
        IdxHeader ih = IdxFiles.header(imagesPath);
        IdxHeader lh = IdxFiles.header(labelsPath);
        if (ih.dims().length != 3) {
            throw new DataFileException(imagesPath + " holds " + ih + ", not images (N x rows x cols); the images file is the *-idx3-ubyte one");
        }
        if (lh.dims().length != 1) {
            throw new DataFileException(labelsPath + " holds " + lh + ", not labels (N); the labels file is the *-idx1-ubyte one");
        }
        if (ih.items() != lh.items()) {
            throw new DataFileException("size mismatch: " + imagesPath + " holds " + ih.items() + " images but " + labelsPath
                    + " holds " + lh.items() + " labels; the two files come from different sets or one is damaged: download both again");
        }
        int[] dims = ih.dims();
        int rows = dims[1];
        int cols = dims[2];
        if (rows < 1 || cols < 1) {
            throw new DataFileException(imagesPath + " declares empty images (" + rows + "x" + cols + ")");
        }
        IdxArray images = IdxFiles.read(imagesPath, options.limit());
        IdxArray labels = IdxFiles.read(labelsPath, options.limit());
        String name = dataset.displayName() + " " + split;
        List<String> classes = dataset.classNames();
        List<LabelledImage> items = new ArrayList<>(images.items());
        for (int i = 0; i < images.items(); i++) {
            int label = labels.unsigned(i, 0);
            if (label >= classes.size()) {
                throw new DataFileException(labelsPath + " gives item " + i + " label " + label + ", outside 0.." + (classes.size() - 1)
                        + " of " + dataset.displayName() + "; this is not a " + dataset.displayName() + " labels file");
            }
            RgbImage img = image(images, i, rows, cols, options);
            items.add(new LabelledImage(img, label, classes.get(label), name + " #" + i));
        }
        return new LabelledImages(name, classes, items);
    }

    private static RgbImage image(IdxArray images, int item, int rows, int cols, ImageLoadOptions options) {
        int plane = rows * cols;
        if (!options.resizes()) {
            float[] px = new float[3 * plane];
            for (int i = 0; i < plane; i++) {
                float v = images.unsigned(item, i) / 255f;
                px[i] = v;
                px[plane + i] = v;
                px[2 * plane + i] = v;
            }
            return new RgbImage(cols, rows, px);
        }
        BufferedImage grey = new BufferedImage(cols, rows, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster r = grey.getRaster();
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                r.setSample(x, y, 0, images.unsigned(item, y * cols + x));
            }
        }
        return Images.fromBuffered(Images.centreSquare(grey, options.side()));
    }
}
