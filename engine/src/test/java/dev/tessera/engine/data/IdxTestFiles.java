package dev.tessera.engine.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Builds small IDX files for tests, so no test needs MNIST installed. */
final class IdxTestFiles {

    private IdxTestFiles() {
    }

    /** An IDX file of type {@code type} with the given dimensions and raw element bytes. */
    static byte[] idx(int type, int[] dims, byte[] data) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(0);
            out.writeByte(0);
            out.writeByte(type);
            out.writeByte(dims.length);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(data);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code n} images of {@code rows x cols}; pixel {@code p} of image {@code i} is {@code (31 i + p) mod 256}. */
    static byte[] images(int n, int rows, int cols) {
        byte[] data = new byte[n * rows * cols];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < rows * cols; p++) {
                data[i * rows * cols + p] = (byte) pixel(i, p);
            }
        }
        return idx(0x08, new int[] {n, rows, cols}, data);
    }

    static int pixel(int image, int offset) {
        return (31 * image + offset) % 256;
    }

    /** {@code n} labels; label {@code i} is {@code i mod 10}. */
    static byte[] labels(int n) {
        byte[] data = new byte[n];
        for (int i = 0; i < n; i++) {
            data[i] = (byte) (i % 10);
        }
        return idx(0x08, new int[] {n}, data);
    }

    static byte[] gzip(byte[] raw) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
                gz.write(raw);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one split of an MNIST-style folder: {@code n} images of {@code side x side} and their labels. */
    static void writeSplit(Path folder, Split split, int n, int side, boolean gz) throws IOException {
        Files.createDirectories(folder);
        String suffix = gz ? ".gz" : "";
        byte[] img = images(n, side, side);
        byte[] lab = labels(n);
        Files.write(folder.resolve(split.imagesFile() + suffix), gz ? gzip(img) : img);
        Files.write(folder.resolve(split.labelsFile() + suffix), gz ? gzip(lab) : lab);
    }
}
