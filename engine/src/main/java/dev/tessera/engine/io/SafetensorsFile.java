package dev.tessera.engine.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes the {@code .safetensors} format: an 8-byte little-endian header size N,
 * N bytes of UTF-8 JSON mapping each name to {@code {"dtype", "shape", "data_offsets": [begin,
 * end]}} (offsets count from the first byte after the header) plus an optional
 * {@code "__metadata__"} object of strings, then the data. Written headers are compact JSON
 * padded with spaces to a multiple of 8 bytes, and arrays are laid out widest type first, so
 * every array starts aligned to its element size. Reading enforces the format's rules: the
 * arrays tile the data exactly, with no gap, overlap or trailing byte. Files are written
 * atomically.
 */
public final class SafetensorsFile {

    /** Largest header accepted, as in the reference implementation (100 MB). */
    static final long MAX_HEADER = 100_000_000L;

    private SafetensorsFile() {
    }

    /** Writes {@code contents} to {@code path} (conventionally ending in {@code .safetensors}), atomically. */
    public static void write(Path path, Safetensors contents) {
        AtomicFile.write(path, encode(contents));
    }

    /** Reads every array and the metadata of {@code path}. */
    public static Safetensors read(Path path) {
        try {
            return decode(Files.readAllBytes(path), path.toString());
        } catch (NoSuchFileException e) {
            throw new TensorFileException("no file at " + path.toAbsolutePath() + "; check the path");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** The bytes of a safetensors file holding {@code contents}. */
    public static byte[] encode(Safetensors contents) {
        List<String> layout = new ArrayList<>(contents.tensors().keySet());
        layout.sort(Comparator.comparingInt((String n) -> -contents.tensors().get(n).dtype().bytes()));
        Map<String, long[]> offsets = new LinkedHashMap<>();
        long at = 0;
        for (String name : layout) {
            DenseArray a = contents.tensors().get(name);
            long end = at + a.size() * a.dtype().bytes();
            offsets.put(name, new long[] {at, end});
            at = end;
        }
        ObjectNode header = Json.mapper().createObjectNode();
        if (!contents.metadata().isEmpty()) {
            ObjectNode meta = header.putObject(Safetensors.METADATA_KEY);
            contents.metadata().forEach(meta::put);
        }
        contents.tensors().forEach((name, a) -> {
            ObjectNode t = header.putObject(name);
            t.put("dtype", a.dtype().safetensorsName());
            ArrayNode shape = t.putArray("shape");
            Arrays.stream(a.shape()).forEach(shape::add);
            t.putArray("data_offsets").add(offsets.get(name)[0]).add(offsets.get(name)[1]);
        });
        byte[] json = headerJson(header);
        int padded = (json.length + 7) / 8 * 8;
        long total = 8L + padded + at;
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("these arrays need " + total + " bytes, more than one file Tessera writes (2 GB); split them");
        }
        ByteBuffer out = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(padded).put(json);
        for (int i = json.length; i < padded; i++) {
            out.put((byte) ' ');
        }
        for (String name : layout) {
            contents.tensors().get(name).writeTo(out);
        }
        return out.array();
    }

    /** The contents of the bytes of a safetensors file; {@code source} names the file in errors. */
    public static Safetensors decode(byte[] bytes, String source) {
        if (bytes.length < 8) {
            throw new TensorFileException(source + " is too short to be a safetensors file (" + bytes.length
                    + " bytes, under the 8-byte header size); write it again");
        }
        long n = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        if (n < 2 || n > MAX_HEADER) {
            throw new TensorFileException(source + " declares a " + Long.toUnsignedString(n) + "-byte header, outside 2.."
                    + MAX_HEADER + "; it is not a safetensors file (a .pt/.bin checkpoint needs converting with safetensors.torch.save_file)");
        }
        if (8 + n > bytes.length) {
            throw new TensorFileException(source + " is truncated: it declares a " + n + "-byte header but holds only "
                    + (bytes.length - 8) + " bytes after the size; write it again");
        }
        if (bytes[8] != '{') {
            throw new TensorFileException(source + " has a header that does not start with '{'; it is not a safetensors file");
        }
        JsonNode header;
        try {
            header = Json.mapper().reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .readTree(new String(bytes, 8, (int) n, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new TensorFileException(source + " has a header that is not valid JSON (" + e.getOriginalMessage() + "); write it again");
        }
        if (header == null || !header.isObject()) {
            throw new TensorFileException(source + " has a header that is not a JSON object");
        }
        int dataStart = (int) (8 + n);
        long dataLength = bytes.length - dataStart;
        Map<String, String> metadata = new LinkedHashMap<>();
        Map<String, DType> types = new LinkedHashMap<>();
        Map<String, int[]> shapes = new LinkedHashMap<>();
        Map<String, long[]> offsets = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals(Safetensors.METADATA_KEY)) {
                readMetadata(e.getValue(), metadata, source);
                continue;
            }
            readEntry(e.getKey(), e.getValue(), source, types, shapes, offsets);
        }
        checkTiling(offsets, dataLength, source);
        ByteBuffer data = ByteBuffer.wrap(bytes);
        Map<String, DenseArray> tensors = new LinkedHashMap<>();
        for (String name : types.keySet()) {
            data.position(dataStart + (int) offsets.get(name)[0]);
            tensors.put(name, DenseArray.readFrom(types.get(name), shapes.get(name), data));
        }
        return new Safetensors(tensors, metadata);
    }

    private static byte[] headerJson(ObjectNode header) {
        try {
            return Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(header);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a safetensors header", e);
        }
    }

    private static void readMetadata(JsonNode meta, Map<String, String> out, String source) {
        if (!meta.isObject()) {
            throw new TensorFileException(source + ": " + Safetensors.METADATA_KEY + " must be an object of strings, got " + meta);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = meta.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> m = it.next();
            if (!m.getValue().isTextual()) {
                throw new TensorFileException(source + ": metadata '" + m.getKey() + "' is " + m.getValue()
                        + ", but safetensors metadata values are strings; store it as text");
            }
            out.put(m.getKey(), m.getValue().asText());
        }
    }

    private static void readEntry(String name, JsonNode t, String source, Map<String, DType> types,
                                  Map<String, int[]> shapes, Map<String, long[]> offsets) {
        String where = source + ": tensor '" + name + "'";
        if (!t.isObject() || !fieldNames(t).equals(Set.of("dtype", "shape", "data_offsets"))) {
            throw new TensorFileException(where + " must be an object with exactly dtype, shape and data_offsets, got " + t);
        }
        String dtype = t.get("dtype").asText();
        DType type = DType.ofSafetensors(dtype);
        if (type == null) {
            throw new TensorFileException(where + " has dtype " + t.get("dtype") + "; Tessera reads F32, I32 and I64:"
                    + " convert it before saving (e.g. t.float() for vectors, t.long() for token ids)");
        }
        JsonNode shapeNode = t.get("shape");
        JsonNode off = t.get("data_offsets");
        if (!shapeNode.isArray() || !off.isArray() || off.size() != 2 || !off.get(0).canConvertToLong() || !off.get(1).canConvertToLong()) {
            throw new TensorFileException(where + " needs a shape list and data_offsets [begin, end], got " + t);
        }
        int[] shape = new int[shapeNode.size()];
        for (int i = 0; i < shape.length; i++) {
            JsonNode d = shapeNode.get(i);
            if (!d.isIntegralNumber() || !d.canConvertToInt() || d.asInt() < 0) {
                throw new TensorFileException(where + " has shape " + shapeNode + "; dimensions are whole numbers 0.." + Integer.MAX_VALUE);
            }
            shape[i] = d.asInt();
        }
        long elements;
        try {
            elements = DenseArray.elements(shape);
        } catch (IllegalArgumentException e) {
            throw new TensorFileException(where + ": " + e.getMessage());
        }
        long begin = off.get(0).asLong();
        long end = off.get(1).asLong();
        if (begin < 0 || end < begin || end - begin != elements * type.bytes()) {
            throw new TensorFileException(where + " has data_offsets " + off + " (" + (end - begin) + " bytes) but " + dtype
                    + " " + shapeNode + " needs " + elements * type.bytes() + " bytes; the header is wrong: write the file again");
        }
        types.put(name, type);
        shapes.put(name, shape);
        offsets.put(name, new long[] {begin, end});
    }

    private static void checkTiling(Map<String, long[]> offsets, long dataLength, String source) {
        List<Map.Entry<String, long[]>> byStart = new ArrayList<>(offsets.entrySet());
        byStart.sort(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[0]).thenComparingLong(e -> e.getValue()[1]));
        long at = 0;
        for (Map.Entry<String, long[]> e : byStart) {
            long begin = e.getValue()[0];
            if (begin != at) {
                throw new TensorFileException(source + ": tensor '" + e.getKey() + "' starts at byte " + begin + " of the data where "
                        + (begin < at ? "the previous tensor still runs (overlap)" : "byte " + at + " was expected (gap)")
                        + "; tensors must tile the data exactly: write the file again");
            }
            at = e.getValue()[1];
        }
        if (at > dataLength) {
            throw new TensorFileException(source + " is truncated: its tensors need " + at + " bytes of data but it holds "
                    + dataLength + "; write it again");
        }
        if (at < dataLength) {
            throw new TensorFileException(source + " has " + (dataLength - at) + " bytes after its last tensor; tensors must tile"
                    + " the data exactly: write the file again");
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
