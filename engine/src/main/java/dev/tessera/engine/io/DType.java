package dev.tessera.engine.io;

import java.util.Arrays;

/**
 * The element types Tessera exchanges with Python tools, with their names in the two file
 * formats: float32 for codebooks and embeddings, int32 and int64 for token ids (PyTorch
 * indexes with int64, JAX and most exporters with int32).
 */
public enum DType {
    /** 32-bit IEEE float: numpy {@code <f4}, safetensors {@code F32}. */
    F32("<f4", "F32", 4),
    /** 32-bit signed integer: numpy {@code <i4}, safetensors {@code I32}. */
    I32("<i4", "I32", 4),
    /** 64-bit signed integer: numpy {@code <i8}, safetensors {@code I64}. */
    I64("<i8", "I64", 8);

    private final String npyDescr;
    private final String safetensorsName;
    private final int bytes;

    DType(String npyDescr, String safetensorsName, int bytes) {
        this.npyDescr = npyDescr;
        this.safetensorsName = safetensorsName;
        this.bytes = bytes;
    }

    /** The numpy type string (little-endian), e.g. {@code <f4}. */
    public String npyDescr() {
        return npyDescr;
    }

    /** The safetensors dtype name, e.g. {@code F32}. */
    public String safetensorsName() {
        return safetensorsName;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }

    /** The type of a numpy descr, or null when Tessera does not read it. */
    static DType ofNpy(String descr) {
        return Arrays.stream(values()).filter(t -> t.npyDescr.equals(descr)).findFirst().orElse(null);
    }

    /** The type of a safetensors dtype name, or null when Tessera does not read it. */
    static DType ofSafetensors(String name) {
        return Arrays.stream(values()).filter(t -> t.safetensorsName.equals(name)).findFirst().orElse(null);
    }
}
