package dev.tessera.engine.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The contents of a {@code .safetensors} file: named arrays and string metadata, e.g. a
 * codebook and the settings that produced it in one file that Python's {@code safetensors}
 * library (and Hugging Face tools) read directly. Names keep their order.
 *
 * <pre>{@code
 * Safetensors file = Safetensors.of("codebook", DenseArray.of(codes))
 *         .with("tokens", DenseArray.of(ids))
 *         .withMetadata("tokenizer", "vq-shapes64");
 * SafetensorsFile.write(Path.of("tokenizer.safetensors"), file);
 * }</pre>
 *
 * @param tensors  the arrays by name; names are non-empty and not {@value #METADATA_KEY}
 * @param metadata free-form string pairs stored in the header
 */
public record Safetensors(Map<String, DenseArray> tensors, Map<String, String> metadata) {

    /** The header key that holds the metadata, reserved by the format. */
    public static final String METADATA_KEY = "__metadata__";

    public Safetensors {
        for (String name : tensors.keySet()) {
            if (name == null || name.isEmpty() || name.equals(METADATA_KEY)) {
                throw new IllegalArgumentException("tensor names must be non-empty and not " + METADATA_KEY + ", got '" + name + "'");
            }
        }
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new IllegalArgumentException("metadata keys and values must be strings, got " + e.getKey() + "=" + e.getValue());
            }
        }
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** A file holding one array. */
    public static Safetensors of(String name, DenseArray array) {
        return new Safetensors(Map.of(name, array), Map.of());
    }

    /** This file with one more array (or {@code name} replaced). */
    public Safetensors with(String name, DenseArray array) {
        Map<String, DenseArray> t = new LinkedHashMap<>(tensors);
        t.put(name, array);
        return new Safetensors(t, metadata);
    }

    /** This file with one more metadata pair (or {@code key} replaced). */
    public Safetensors withMetadata(String key, String value) {
        Map<String, String> m = new LinkedHashMap<>(metadata);
        m.put(key, value);
        return new Safetensors(tensors, m);
    }

    /** The array called {@code name}; an unknown name's error lists the names there are. */
    public DenseArray get(String name) {
        DenseArray a = tensors.get(name);
        if (a == null) {
            throw new IllegalArgumentException("no tensor '" + name + "'; this file holds " + tensors.keySet());
        }
        return a;
    }
}
