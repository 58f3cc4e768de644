package dev.tessera.engine.image;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.Raster;

/**
 * Conversions between {@link RgbImage} and AWT images, and the resize policy for user images.
 * One colour policy everywhere: transparency is composited over black, and grey images keep
 * their stored values (AWT's own grey-to-RGB path treats grey as linear light and brightens
 * mid-grey 128 to 188, so grey rasters are read directly instead).
 */
public final class Images {

    private Images() {
    }

    /**
     * Copies an AWT image of any type (grey, palette, alpha, 16-bit) into planar RGB floats,
     * compositing transparency over black. Grey is replicated into all three channels at its
     * full bit depth.
     */
    public static RgbImage fromBuffered(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        float[] px = new float[3 * w * h];
        int plane = w * h;
        if (isGrey(img)) {
            Raster r = img.getRaster();
            ColorModel cm = img.getColorModel();
            float greyMax = (1 << cm.getComponentSize(0)) - 1;
            boolean alpha = cm.hasAlpha();
            float alphaMax = alpha ? (1 << cm.getComponentSize(1)) - 1 : 1;
            boolean premultiplied = cm.isAlphaPremultiplied();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float v = r.getSample(x, y, 0) / greyMax;
                    if (alpha && !premultiplied) {
                        v *= r.getSample(x, y, 1) / alphaMax;
                    }
                    int i = y * w + x;
                    px[i] = v;
                    px[plane + i] = v;
                    px[2 * plane + i] = v;
                }
            }
            return new RgbImage(w, h, px);
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = img.getRGB(x, y);
                float a = (argb >>> 24) / 255f;
                int i = y * w + x;
                px[i] = ((argb >> 16) & 0xFF) / 255f * a;
                px[plane + i] = ((argb >> 8) & 0xFF) / 255f * a;
                px[2 * plane + i] = (argb & 0xFF) / 255f * a;
            }
        }
        return new RgbImage(w, h, px);
    }

    /** An 8-bit RGB AWT image of {@code img}, values clamped to [0, 1]. */
    public static BufferedImage toBuffered(RgbImage img) {
        int w = img.width();
        int h = img.height();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, (byte8(img.at(0, x, y)) << 16) | (byte8(img.at(1, x, y)) << 8) | byte8(img.at(2, x, y)));
            }
        }
        return out;
    }

    /** Largest side an image is resized to: far above any model's input, small enough for memory. */
    public static final int MAX_SIDE = 1024;

    /** Refuses a side outside 1..{@link #MAX_SIDE} pixels; returns it. */
    public static int checkSide(int side) {
        if (side < 1 || side > MAX_SIDE) {
            throw new IllegalArgumentException("the image side must be 1.." + MAX_SIDE + " pixels, got " + side
                    + "; the shipped tokenizers take 32 or 64");
        }
        return side;
    }

    /**
     * The resize policy for images of any size: composite transparency over black, crop the
     * centred largest square, then scale it to {@code side x side} with bilinear filtering
     * (stepwise halving first when shrinking by more than 2x, so thin detail is averaged
     * rather than skipped).
     */
    public static BufferedImage centreSquare(BufferedImage img, int side) {
        checkSide(side);
        if (isGrey(img)) {
            img = toBuffered(fromBuffered(img));
        }
        int s = Math.min(img.getWidth(), img.getHeight());
        int x0 = (img.getWidth() - s) / 2;
        int y0 = (img.getHeight() - s) / 2;
        BufferedImage current = new BufferedImage(s, s, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = current.createGraphics();
        g.drawImage(img, 0, 0, s, s, x0, y0, x0 + s, y0 + s, null);
        g.dispose();
        while (current.getWidth() / 2 >= side) {
            current = scale(current, current.getWidth() / 2);
        }
        return current.getWidth() == side ? current : scale(current, side);
    }

    private static BufferedImage scale(BufferedImage img, int side) {
        BufferedImage out = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(img, 0, 0, side, side, null);
        g.dispose();
        return out;
    }

    private static boolean isGrey(BufferedImage img) {
        return img.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY;
    }

    private static int byte8(float v) {
        return Math.round(Math.max(0f, Math.min(1f, v)) * 255f);
    }
}
