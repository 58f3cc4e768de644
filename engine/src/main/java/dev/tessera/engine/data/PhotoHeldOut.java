package dev.tessera.engine.data;

import dev.tessera.engine.image.Images;
import dev.tessera.engine.image.RgbImage;

import java.util.ArrayList;
import java.util.List;

/**
 * The evaluation images of a {@link PhotoCorpus}: for each held-out photograph, the whole photograph
 * scaled to the tokenizer's size (what {@code %tessera tokenize photo.jpg} does: the centred
 * square, scaled) and {@value #CROPS} crops of it at random scales and positions, seeded by the
 * photograph's id, so every machine evaluates on the same images.
 *
 * @param entries every evaluation image with where it came from
 */
public record PhotoHeldOut(List<Entry> entries) {

    /** Crops per held-out photograph. */
    public static final int CROPS = 8;

    /** One evaluation image: its photograph, whether it is the whole photograph or a crop, its pixels. */
    public record Entry(Photo photo, boolean whole, RgbImage image) {
    }

    public PhotoHeldOut {
        entries = List.copyOf(entries);
    }

    /** {@code corpus}'s held-out photographs, whole and cropped, at {@code size} pixels. */
    public static PhotoHeldOut of(PhotoCorpus corpus, int size) {
        List<Entry> out = new ArrayList<>();
        for (Photo p : corpus.heldOut()) {
            out.add(new Entry(p, true, Images.fromBuffered(Images.centreSquare(p.read(), size))));
            PhotoCrops crops = new PhotoCrops(List.of(p), size, p.id().hashCode());
            for (int i = 0; i < CROPS; i++) {
                out.add(new Entry(p, false, crops.crop(i)));
            }
        }
        return new PhotoHeldOut(out);
    }

    /** Every evaluation image, in order. */
    public List<RgbImage> images() {
        return entries.stream().map(Entry::image).toList();
    }
}
