package dev.tessera.engine.data;

import dev.tessera.engine.image.Images;
import dev.tessera.engine.image.RgbImage;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Random square crops of photographs at several scales, as training images: crop {@code i} takes a
 * photograph, a side between {@code size} pixels and the photograph's shorter side (log-uniform, so
 * close-ups and whole views are equally common), a position and a mirror flip, all from a generator
 * seeded by {@code (seed, i)}, then scales the square to {@code size x size} the way Tessera scales
 * any image ({@link Images#centreSquare}). Photographs are decoded once and kept with their shorter
 * side at most {@value #KEEP_SIDE} pixels.
 *
 * @param photos the photographs to crop (a corpus's training ones; never its held-out ones for training)
 * @param size   side of the crops, in pixels
 * @param seed   seeds every crop
 */
public record PhotoCrops(List<Photo> photos, int size, long seed) implements TrainingImages {

    /** Longest shorter side a photograph is kept at, in pixels. */
    public static final int KEEP_SIDE = 512;

    private static final Map<String, BufferedImage> DECODED = new ConcurrentHashMap<>();

    public PhotoCrops {
        photos = List.copyOf(photos);
        if (photos.isEmpty()) {
            throw new IllegalArgumentException("no photographs to crop");
        }
        Images.checkSide(size);
    }

    /** Crops of {@code corpus}'s training photographs. */
    public static PhotoCrops training(PhotoCorpus corpus, int size, long seed) {
        return new PhotoCrops(corpus.training(), size, seed);
    }

    @Override
    public List<RgbImage> images(long first, int count) {
        List<RgbImage> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(crop(first + i));
        }
        return out;
    }

    /** Crop {@code index}. */
    public RgbImage crop(long index) {
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        BufferedImage photo = decoded(photos.get(rng.nextInt(photos.size())));
        int shorter = Math.min(photo.getWidth(), photo.getHeight());
        int side = shorter <= size ? shorter
                : (int) Math.round(Math.exp(Math.log(size) + rng.nextDouble() * (Math.log(shorter) - Math.log(size))));
        side = Math.max(1, Math.min(side, shorter));
        int x = rng.nextInt(photo.getWidth() - side + 1);
        int y = rng.nextInt(photo.getHeight() - side + 1);
        BufferedImage square = photo.getSubimage(x, y, side, side);
        if (rng.nextBoolean()) {
            BufferedImage flipped = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = flipped.createGraphics();
            g.drawImage(square, side, 0, -side, side, null);
            g.dispose();
            square = flipped;
        }
        return Images.fromBuffered(Images.centreSquare(square, size));
    }

    @Override
    public Object describe() {
        Map<String, Object> d = new java.util.LinkedHashMap<>();
        d.put("kind", "photo crops");
        d.put("size", size);
        d.put("seed", seed);
        d.put("keepSide", KEEP_SIDE);
        d.put("photos", photos.stream().map(Photo::id).toList());
        return d;
    }

    @Override
    public TrainingImages withSeed(long s) {
        return new PhotoCrops(photos, size, s);
    }

    /** The photograph decoded, shorter side at most {@link #KEEP_SIDE}; once per JVM. */
    static BufferedImage decoded(Photo p) {
        return DECODED.computeIfAbsent(p.path().toString(), k -> shrink(p.read(), KEEP_SIDE));
    }

    /**
     * {@code img} as 8-bit RGB (transparency over black) with its shorter side at most {@code side},
     * halving first, then bilinear.
     */
    static BufferedImage shrink(BufferedImage img, int side) {
        // grey files go through Tessera's own conversion (AWT would treat their values as linear light)
        boolean grey = img.getColorModel().getColorSpace().getType() == java.awt.color.ColorSpace.TYPE_GRAY;
        BufferedImage current = grey ? Images.toBuffered(Images.fromBuffered(img))
                : scaled(img, img.getWidth(), img.getHeight());
        while (Math.min(current.getWidth(), current.getHeight()) / 2 >= side) {
            current = scaled(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        int shorter = Math.min(current.getWidth(), current.getHeight());
        if (shorter <= side) {
            return current;
        }
        double f = (double) side / shorter;
        return scaled(current, (int) Math.round(current.getWidth() * f), (int) Math.round(current.getHeight() * f));
    }

    private static BufferedImage scaled(BufferedImage img, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(img, 0, 0, w, h, null);
        g.dispose();
        return out;
    }
}
