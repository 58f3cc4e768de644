package dev.tessera.engine.data;

import dev.tessera.engine.io.ImageFileException;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@link ImageFolder#read} found: the images it could use and every file it skipped.
 *
 * @param images  the readable images, in the documented order
 * @param skipped every file it did not use (broken, not an image, out of place), in the order met
 */
public record ImageFolderResult(LabelledImages images, List<SkippedFile> skipped) {

    private static final int REPORT_LINES = 20;

    public ImageFolderResult {
        skipped = List.copyOf(skipped);
    }

    /** Whether every file was used. */
    public boolean complete() {
        return skipped.isEmpty();
    }

    /** The images, or an {@link ImageFileException} listing the skipped files when there are any. */
    public LabelledImages requireNoneSkipped() {
        if (!complete()) {
            throw new ImageFileException(images.name() + ": " + skipped.size() + " file(s) could not be used; fix or remove them:\n"
                    + lines());
        }
        return images;
    }

    /** A few lines for a person: how many images per class, then each skipped file and why. */
    public String report() {
        StringBuilder s = new StringBuilder(images.toString());
        int[] counts = images.classCounts();
        if (counts.length > 0) {
            s.append(" (");
            for (int i = 0; i < counts.length; i++) {
                s.append(i == 0 ? "" : ", ").append(images.classes().get(i)).append(' ').append(counts[i]);
            }
            s.append(')');
        }
        if (skipped.isEmpty()) {
            return s.append("; no file skipped").toString();
        }
        return s.append("; skipped ").append(skipped.size()).append(" file(s):\n").append(lines()).toString();
    }

    private String lines() {
        String shown = skipped.stream().limit(REPORT_LINES).map(f -> "  " + f).collect(Collectors.joining("\n"));
        return skipped.size() > REPORT_LINES ? shown + "\n  ... and " + (skipped.size() - REPORT_LINES) + " more" : shown;
    }
}
