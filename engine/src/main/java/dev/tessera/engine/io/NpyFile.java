package dev.tessera.engine.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads and writes numpy's {@code .npy} files, so codebooks and token sequences open in
 * Python with {@code numpy.load}. Layout (format 1.0): the magic {@code \x93NUMPY}, the
 * version bytes {@code 1 0}, a little-endian 16-bit header length, then an ASCII Python dict
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (K, D), }} padded with spaces and
 * ended by {@code \n} so that magic, version, length and header together fill a multiple of
 * 64 bytes; then the elements, little-endian, C order. Versions 2.0 and 3.0 (32-bit header
 * length) are read too. Files are written atomically.
 */
public final class NpyFile {

    /** The first six bytes of every .npy file. */
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** numpy aligns the data to this many bytes. */
    static final int ALIGN = 64;

    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
    private static final Pattern KEY = Pattern.compile("'([^']*)'\\s*:");

    private NpyFile() {
    }

    /** Writes {@code array} to {@code path} (conventionally ending in {@code .npy}), atomically. */
    public static void write(Path path, DenseArray array) {
        AtomicFile.write(path, encode(array));
    }

    /** Reads the array in {@code path}. */
    public static DenseArray read(Path path) {
        try {
            return decode(Files.readAllBytes(path), path.toString());
        } catch (java.nio.file.NoSuchFileException e) {
            throw new TensorFileException("no file at " + path.toAbsolutePath() + "; check the path");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** The bytes of a version 1.0 .npy file holding {@code array}. */
    public static byte[] encode(DenseArray array) {
        byte[] header = header(array.dtype(), array.shape());
        ByteBuffer out = ByteBuffer.allocate(header.length + Math.toIntExact(array.size() * array.dtype().bytes()));
        out.put(header);
        array.writeTo(out);
        return out.array();
    }

    /** The array in the bytes of a .npy file; {@code source} names the file in errors. */
    public static DenseArray decode(byte[] bytes, String source) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), MAGIC)) {
            throw new TensorFileException(source + " is not a .npy file: it does not start with \\x93NUMPY;"
                    + " write it with numpy.save (numpy.savez makes a .npz zip, which is not read)");
        }
        int major = bytes[6];
        int headerLength;
        int start;
        if (major == 1) {
            headerLength = in.getShort(8) & 0xFFFF;
            start = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) {
                throw truncated(source, "its header length");
            }
            headerLength = in.getInt(8);
            start = 12;
        } else {
            throw new TensorFileException(source + " is .npy format version " + major + "." + bytes[7]
                    + "; Tessera reads versions 1.0, 2.0 and 3.0: save it again with numpy.save");
        }
        if (headerLength < 0 || start + (long) headerLength > bytes.length) {
            throw truncated(source, "its header (" + headerLength + " bytes declared)");
        }
        String header = new String(bytes, start, headerLength, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1).strip();
        DType type = parseDescr(header, source);
        int[] shape = parseShape(header, source);
        long expected = DenseArray.elements(shape) * type.bytes();
        long actual = bytes.length - start - (long) headerLength;
        if (actual < expected) {
            throw truncated(source, "its data (" + expected + " bytes for shape " + Arrays.toString(shape) + ", found " + actual + ")");
        }
        if (actual > expected) {
            throw new TensorFileException(source + " has " + (actual - expected) + " bytes after the data of shape "
                    + Arrays.toString(shape) + "; the header does not match the data: save it again with numpy.save");
        }
        in.position(start + headerLength);
        return DenseArray.readFrom(type, shape, in);
    }

    /** The magic, version 1.0, header length and padded dict: a multiple of {@value #ALIGN} bytes. */
    static byte[] header(DType type, int[] shape) {
        String dict = "{'descr': '" + type.npyDescr() + "', 'fortran_order': False, 'shape': " + pythonTuple(shape) + ", }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int padding = (ALIGN - unpadded % ALIGN) % ALIGN;
        String text = dict + " ".repeat(padding) + "\n";
        if (text.length() > 0xFFFF) {
            throw new IllegalArgumentException("a shape of " + shape.length + " dimensions does not fit a version 1.0 .npy header");
        }
        ByteBuffer out = ByteBuffer.allocate(unpadded + padding).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length());
        out.put(text.getBytes(StandardCharsets.US_ASCII));
        return out.array();
    }

    /** Python's repr of a tuple of ints: {@code ()}, {@code (5,)}, {@code (2, 3)}. */
    static String pythonTuple(int[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        return Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(", ", "(", ")"));
    }

    private static DType parseDescr(String header, String source) {
        if (!header.startsWith("{") || !header.endsWith("}")) {
            throw new TensorFileException(source + " has a header that is not a Python dict: " + header);
        }
        Set<String> keys = new LinkedHashSet<>();
        Matcher k = KEY.matcher(header);
        while (k.find()) {
            keys.add(k.group(1));
        }
        if (!keys.equals(Set.of("descr", "fortran_order", "shape"))) {
            throw new TensorFileException(source + " has header keys " + keys + "; a .npy header has exactly descr, fortran_order and shape");
        }
        Matcher d = DESCR.matcher(header);
        Matcher f = FORTRAN.matcher(header);
        if (!d.find() || !f.find()) {
            throw new TensorFileException(source + " has an unreadable header: " + header);
        }
        if (f.group(1).equals("True")) {
            throw new TensorFileException(source + " is stored in Fortran (column-major) order; save numpy.ascontiguousarray(a) instead");
        }
        DType type = DType.ofNpy(d.group(1));
        if (type == null) {
            throw new TensorFileException(source + " holds elements of type '" + d.group(1) + "'; Tessera reads float32 ('<f4'),"
                    + " int32 ('<i4') and int64 ('<i8'): save a.astype('<f4') for vectors or a.astype('<i8') for token ids");
        }
        return type;
    }

    private static int[] parseShape(String header, String source) {
        Matcher s = SHAPE.matcher(header);
        if (!s.find()) {
            throw new TensorFileException(source + " has no readable shape in its header: " + header);
        }
        String body = s.group(1).strip();
        if (body.isEmpty()) {
            return new int[0];
        }
        String[] parts = body.endsWith(",") ? body.substring(0, body.length() - 1).split(",") : body.split(",");
        int[] shape = new int[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                shape[i] = Integer.parseInt(parts[i].strip().replace("L", ""));
            }
            DenseArray.elements(shape);
        } catch (IllegalArgumentException e) {
            throw new TensorFileException(source + " has shape (" + body + "), which Tessera cannot hold: " + e.getMessage());
        }
        return shape;
    }

    private static TensorFileException truncated(String source, String what) {
        return new TensorFileException(source + " is truncated: it ends inside " + what + "; write it again");
    }
}
