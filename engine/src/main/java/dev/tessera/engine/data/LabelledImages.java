package dev.tessera.engine.data;

import dev.tessera.engine.image.RgbImage;

import java.util.List;

/**
 * A data set of real images with classes, in a fixed order: what the MNIST, Fashion-MNIST
 * and image-folder readers return, and what a classifier or a tokenizer evaluation consumes.
 *
 * @param name    what the set is, e.g. "Fashion-MNIST test" or a folder path
 * @param classes the class names; index {@code i} is label {@code i} (empty for unlabelled sets)
 * @param items   the images, each labelled within {@code classes} or unlabelled
 */
public record LabelledImages(String name, List<String> classes, List<LabelledImage> items) {

    public LabelledImages {
        classes = List.copyOf(classes);
        items = List.copyOf(items);
        for (LabelledImage item : items) {
            if (item.label() >= classes.size()) {
                throw new IllegalArgumentException(item.source() + " has label " + item.label() + " but " + name + " has "
                        + classes.size() + " classes");
            }
        }
    }

    /** How many images the set holds. */
    public int size() {
        return items.size();
    }

    /** Image {@code i} with its label. */
    public LabelledImage get(int i) {
        return items.get(i);
    }

    /** The pictures alone, in order (e.g. to tokenize them). */
    public List<RgbImage> images() {
        return items.stream().map(LabelledImage::image).toList();
    }

    /** The labels in order ({@link LabelledImage#UNLABELLED} for unlabelled images). */
    public int[] labels() {
        return items.stream().mapToInt(LabelledImage::label).toArray();
    }

    /** How many images each class has, indexed like {@link #classes()}. */
    public int[] classCounts() {
        int[] counts = new int[classes.size()];
        for (LabelledImage item : items) {
            if (item.isLabelled()) {
                counts[item.label()]++;
            }
        }
        return counts;
    }

    @Override
    public String toString() {
        String size = "";
        if (!items.isEmpty()) {
            RgbImage first = items.get(0).image();
            boolean same = items.stream().allMatch(i -> i.image().width() == first.width() && i.image().height() == first.height());
            size = same ? " " + first.width() + "x" + first.height() : " of mixed sizes";
        }
        return name + ": " + items.size() + " images" + size + ", " + classes.size() + " classes";
    }
}
