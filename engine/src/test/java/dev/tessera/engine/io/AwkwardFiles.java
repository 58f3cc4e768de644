package dev.tessera.engine.io;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.CRC32;

/**
 * Image files that real folders hold and naive readers trip over, written on the spot: CMYK JPEGs,
 * 16-bit PNGs, large wallpapers, truncated files and decompression bombs. Tests of the readers and
 * of corpus tokenization share them (the engine's test jar).
 */
public final class AwkwardFiles {

    private AwkwardFiles() {
    }

    /**
     * A CMYK JPEG as Photoshop writes it (Adobe's APP14 marker, ink amounts stored inverted), of one
     * uniform ink mix in 0..255 per channel.
     */
    public static Path cmykJpeg(Path file, int w, int h, int cyan, int magenta, int yellow, int black) throws IOException {
        WritableRaster r = Raster.createInterleavedRaster(java.awt.image.DataBuffer.TYPE_BYTE, w, h, 4, null);
        int[] px = {255 - cyan, 255 - magenta, 255 - yellow, 255 - black};
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                r.setPixel(x, y, px);
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(r, null, null), writer.getDefaultWriteParam());
        } finally {
            writer.dispose();
        }
        // Adobe's APP14 segment right after the start-of-image marker, transform 0 (plain CMYK)
        byte[] jpeg = bytes.toByteArray();
        byte[] adobe = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
        ByteArrayOutputStream withMarker = new ByteArrayOutputStream();
        withMarker.write(jpeg, 0, 2);
        withMarker.write(adobe);
        withMarker.write(jpeg, 2, jpeg.length - 2);
        return Files.write(file, withMarker.toByteArray());
    }

    /** A 16-bit greyscale PNG (a ramp), as scientific cameras and scanners save. */
    public static Path sixteenBitPng(Path file, int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.getRaster().setSample(x, y, 0, (x * 65535) / Math.max(1, w - 1));
            }
        }
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    /** A large JPEG (a wallpaper-sized gradient with noise). */
    public static Path largeJpeg(Path file, int w, int h, long seed) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, ((x * 255 / w) << 16) | ((y * 255 / h) << 8) | rng.nextInt(256));
            }
        }
        ImageIO.write(img, "jpeg", file.toFile());
        return file;
    }

    /** The first half of {@code source}'s bytes, written to {@code file}. */
    public static Path truncated(Path source, Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(source);
        return Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
    }

    /**
     * A real decompression bomb: a complete, valid 1-bit PNG of {@code side x side} black pixels,
     * a few kilobytes on disk that decode to {@code side * side} pixels.
     */
    public static Path bomb(Path file, int side) throws IOException {
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    /** A PNG signature and a valid IHDR chunk declaring the given size, with no pixel data. */
    public static byte[] pngHeader(int w, int h) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        DataOutputStream c = new DataOutputStream(chunk);
        c.writeBytes("IHDR");
        c.writeInt(w);
        c.writeInt(h);
        c.write(new byte[] {8, 2, 0, 0, 0});
        byte[] data = chunk.toByteArray();
        out.writeInt(13);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(data);
        out.writeInt((int) crc.getValue());
        return bytes.toByteArray();
    }
}
