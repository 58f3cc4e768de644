package dev.tessera.engine.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files, raw or gzip-compressed (told apart by their first bytes, not their names).
 * The format: a big-endian magic number {@code 0x00 0x00 TYPE NDIMS}, then NDIMS big-endian
 * 32-bit sizes, then the elements in row-major order. Only the items asked for are read, so
 * 512 images of a 60,000-image file cost 512 images. Every problem is a
 * {@link DataFileException} naming the file and the fix.
 */
public final class IdxFiles {

    /** The element type of MNIST-style files, and the only one {@link #read} returns. */
    public static final int UNSIGNED_BYTE = 0x08;

    private static final int MAX_DIMS = 8;

    private IdxFiles() {
    }

    /** The header of {@code path}, checked against the file's size when it is not compressed. */
    public static IdxHeader header(Path path) {
        try (DataInputStream in = open(path)) {
            IdxHeader h = readHeader(in, path);
            checkRawSize(path, h);
            return h;
        } catch (IOException e) {
            throw ioProblem(path, e);
        }
    }

    /**
     * The first {@code min(limit, declared)} items of an unsigned-byte IDX file. A raw file
     * must be exactly as long as its header declares; a compressed one is checked as far as it
     * is read (to the end when every item is asked for).
     */
    public static IdxArray read(Path path, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("the item limit must be >= 0, got " + limit);
        }
        try (DataInputStream in = open(path)) {
            IdxHeader h = readHeader(in, path);
            if (h.typeCode() != UNSIGNED_BYTE) {
                throw new DataFileException(path + " holds " + h.typeName() + " elements (type 0x"
                        + Integer.toHexString(h.typeCode()) + "); Tessera reads unsigned-byte IDX files (type 0x08),"
                        + " the type of MNIST and Fashion-MNIST images and labels");
            }
            checkRawSize(path, h);
            int items = Math.min(limit, h.items());
            long bytes = items * h.itemElements();
            if (bytes > Integer.MAX_VALUE - 8) {
                throw new DataFileException("reading " + items + " items of " + path + " needs " + bytes
                        + " bytes, more than one Java array holds; ask for fewer items");
            }
            byte[] data = new byte[(int) bytes];
            try {
                in.readFully(data);
            } catch (EOFException e) {
                throw truncated(path, h);
            }
            if (items == h.items() && in.read() != -1) {
                throw new DataFileException(path + " has bytes after the " + h.items() + " items its header declares ("
                        + h + "); the file is damaged or not IDX: download it again");
            }
            return new IdxArray(h, items, data);
        } catch (IOException e) {
            throw ioProblem(path, e);
        }
    }

    private static DataInputStream open(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new DataFileException("no file at " + path.toAbsolutePath() + "; check the path");
        }
        InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 == 0x1F && b1 == 0x8B) {
            in = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        }
        return new DataInputStream(in);
    }

    private static IdxHeader readHeader(DataInputStream in, Path path) throws IOException {
        int b0 = in.read();
        int b1 = in.read();
        int type = in.read();
        int ndims = in.read();
        if (ndims < 0) {
            throw new DataFileException(path + " is too short to be an IDX file (under 4 bytes); download it again");
        }
        if (b0 != 0 || b1 != 0 || IdxHeader.elementBytes(type) == 0 || ndims < 1 || ndims > MAX_DIMS) {
            throw new DataFileException(path + " is not an IDX file: its magic number is " + String.format("0x%02X%02X%02X%02X", b0, b1, type, ndims)
                    + ", where IDX has 0x0000, a type (0x08 unsigned byte .. 0x0E double) and 1.." + MAX_DIMS
                    + " dimensions, e.g. 0x00000803 for images; use the *-idx3-ubyte or *-idx1-ubyte files, raw or .gz");
        }
        int[] dims = new int[ndims];
        for (int i = 0; i < ndims; i++) {
            try {
                dims[i] = in.readInt();
            } catch (EOFException e) {
                throw new DataFileException(path + " is truncated: it ends inside its header (" + ndims
                        + " dimensions declared); download it again");
            }
            if (dims[i] < 0) {
                throw new DataFileException(path + " declares dimension " + i + " as " + Integer.toUnsignedString(dims[i])
                        + ", larger than Tessera reads (2^31 - 1); the file is damaged or not IDX");
            }
        }
        return new IdxHeader(type, dims);
    }

    private static void checkRawSize(Path path, IdxHeader h) throws IOException {
        if (isGzip(path)) {
            return;
        }
        long actual = Files.size(path);
        long declared = h.declaredFileBytes();
        if (actual < declared) {
            throw truncated(path, h);
        }
        if (actual > declared) {
            throw new DataFileException(path + " is " + actual + " bytes but its header (" + h + ") declares "
                    + declared + "; the file is damaged or its header is wrong: download it again");
        }
    }

    private static boolean isGzip(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return in.read() == 0x1F && in.read() == 0x8B;
        }
    }

    private static DataFileException truncated(Path path, IdxHeader h) {
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            size = -1;
        }
        return new DataFileException(path + " is truncated: its header (" + h + ") declares " + h.declaredFileBytes()
                + " bytes of IDX data but the file " + (isGzipQuietly(path) ? "(gzip, " + size + " bytes) ends sooner"
                : "holds only " + size) + "; download it again");
    }

    private static boolean isGzipQuietly(Path path) {
        try {
            return isGzip(path);
        } catch (IOException e) {
            return false;
        }
    }

    private static DataFileException ioProblem(Path path, IOException e) {
        if (e instanceof ZipException || e instanceof EOFException) {
            return new DataFileException(path + " is a broken or truncated gzip file (" + e.getMessage()
                    + "); download it again, or gunzip it to check");
        }
        return new DataFileException("cannot read " + path + ": " + e.getMessage());
    }
}
