package dev.tessera.engine.data;

import dev.tessera.engine.image.Images;
import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.io.ImageFileException;
import dev.tessera.engine.io.ImageFiles;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads a folder of PNG, JPEG, GIF and BMP files as {@link LabelledImages}.
 * <ul>
 *   <li>Layout: a folder with subfolders is a classified set: each subfolder is a class named
 *       after it (classes sorted by name), read one level deep. A folder without subfolders is
 *       one unlabelled set. Names starting with '.' (e.g. {@code .ipynb_checkpoints}) are ignored.</li>
 *   <li>Order: classes by name, then files by name (plain string order: {@code img10} before
 *       {@code img2}); a limit keeps the first images in that order.</li>
 *   <li>Pixels: every file goes through {@link ImageFiles#read}, so decompression bombs are
 *       refused from their header; grey, palette, alpha and 16-bit files all become RGB in [0, 1]
 *       with transparency over black; with a side, {@link Images#centreSquare} crops the centred
 *       square and scales it, otherwise each image keeps its own size.</li>
 *   <li>Problems: a file that cannot be used (broken, truncated, too large, not an image, out of
 *       place) is skipped and listed in {@link ImageFolderResult#skipped()}, because one bad file
 *       in thousands should not cost a researcher the run; call
 *       {@link ImageFolderResult#requireNoneSkipped()} to make it fatal. A folder yielding no image
 *       at all is an error.</li>
 * </ul>
 */
public final class ImageFolder {

    /** The file name endings read, in lower case. */
    public static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "bmp");

    private ImageFolder() {
    }

    /** Reads {@code folder} as documented above. */
    public static ImageFolderResult read(Path folder, ImageLoadOptions options) {
        if (!Files.exists(folder)) {
            throw new ImageFileException("no folder at " + folder.toAbsolutePath()
                    + "; check the path (relative paths start at the notebook's folder)");
        }
        if (!Files.isDirectory(folder)) {
            throw new ImageFileException(folder + " is a file, not a folder; read one image with ImageFiles.read, or name its folder");
        }
        List<Path> entries = visible(folder);
        List<Path> classDirs = entries.stream().filter(Files::isDirectory).toList();
        List<String> classes = classDirs.stream().map(ImageFolder::name).toList();
        List<SkippedFile> skipped = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (Path p : entries) {
            if (Files.isDirectory(p)) {
                continue;
            }
            if (!classDirs.isEmpty()) {
                skipped.add(new SkippedFile(p, "outside the class folders (" + folder + " has subfolders, so each subfolder is a class); move it into one"));
            } else if (isImageName(p)) {
                files.add(p);
                labels.add(LabelledImage.UNLABELLED);
            } else {
                skipped.add(notAnImage(p));
            }
        }
        for (int c = 0; c < classDirs.size(); c++) {
            for (Path p : visible(classDirs.get(c))) {
                if (Files.isDirectory(p)) {
                    skipped.add(new SkippedFile(p, "a folder inside class folder " + classes.get(c)
                            + "; class folders are read one level deep: move its images up"));
                } else if (isImageName(p)) {
                    files.add(p);
                    labels.add(c);
                } else {
                    skipped.add(notAnImage(p));
                }
            }
        }
        List<LabelledImage> items = new ArrayList<>();
        for (int i = 0; i < files.size() && items.size() < options.limit(); i++) {
            Path p = files.get(i);
            try {
                RgbImage img = convert(ImageFiles.read(p), options);
                int label = labels.get(i);
                items.add(new LabelledImage(img, label, label == LabelledImage.UNLABELLED ? "" : classes.get(label), p.toString()));
            } catch (ImageFileException e) {
                skipped.add(new SkippedFile(p, e.getMessage()));
            }
        }
        if (items.isEmpty()) {
            String why = skipped.isEmpty() ? "" : "; skipped:\n" + skipped.stream().limit(5).map(s -> "  " + s).collect(Collectors.joining("\n"));
            throw new ImageFileException(folder + " holds no readable image (" + String.join(", ", EXTENSIONS.stream().sorted().toList())
                    + (classDirs.isEmpty() ? "" : ", in its class subfolders") + ")" + why);
        }
        return new ImageFolderResult(new LabelledImages(folder.toString(), classes, items), skipped);
    }

    private static RgbImage convert(BufferedImage img, ImageLoadOptions options) {
        return Images.fromBuffered(options.resizes() ? Images.centreSquare(img, options.side()) : img);
    }

    private static List<Path> visible(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> !name(p).startsWith(".")).sorted(Comparator.comparing(ImageFolder::name)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    private static boolean isImageName(Path p) {
        String n = name(p);
        int dot = n.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(n.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static SkippedFile notAnImage(Path p) {
        return new SkippedFile(p, "not a PNG, JPEG, GIF or BMP file name");
    }

    private static String name(Path p) {
        return p.getFileName().toString();
    }
}
