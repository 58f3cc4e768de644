package dev.tessera.engine.data;

import java.util.Arrays;

/**
 * The header of an IDX file (the format of MNIST and Fashion-MNIST): the element type and the
 * size of every dimension. The first dimension counts items (images or labels); the others
 * give the shape of one item, e.g. {@code [60000, 28, 28]} for MNIST's training images.
 *
 * @param typeCode the element type byte: 0x08 unsigned byte, 0x09 byte, 0x0B short, 0x0C int,
 *                 0x0D float, 0x0E double
 * @param dims     the dimension sizes, at least one, none negative
 */
public record IdxHeader(int typeCode, int[] dims) {

    public IdxHeader {
        if (elementBytes(typeCode) == 0) {
            throw new IllegalArgumentException("IDX type code 0x" + Integer.toHexString(typeCode)
                    + " is not one of 0x08, 0x09, 0x0B, 0x0C, 0x0D, 0x0E");
        }
        if (dims.length < 1) {
            throw new IllegalArgumentException("an IDX file has at least one dimension");
        }
        dims = dims.clone();
        for (int d : dims) {
            if (d < 0) {
                throw new IllegalArgumentException("IDX dimensions cannot be negative, got " + Arrays.toString(dims));
            }
        }
    }

    /** How many items the file declares (the first dimension). */
    public int items() {
        return dims[0];
    }

    /** Elements in one item: the product of every dimension after the first. */
    public long itemElements() {
        long n = 1;
        for (int i = 1; i < dims.length; i++) {
            n *= dims[i];
        }
        return n;
    }

    /** Bytes of one element of this file's type. */
    public int elementBytes() {
        return elementBytes(typeCode);
    }

    /** Size of the header in bytes: the 4-byte magic number and 4 bytes per dimension. */
    public int headerBytes() {
        return 4 + 4 * dims.length;
    }

    /** Size of the whole file (uncompressed) that this header declares. */
    public long declaredFileBytes() {
        return headerBytes() + (long) items() * itemElements() * elementBytes();
    }

    /** The element type's name, e.g. "unsigned byte". */
    public String typeName() {
        return switch (typeCode) {
            case 0x08 -> "unsigned byte";
            case 0x09 -> "signed byte";
            case 0x0B -> "short";
            case 0x0C -> "int";
            case 0x0D -> "float";
            default -> "double";
        };
    }

    static int elementBytes(int typeCode) {
        return switch (typeCode) {
            case 0x08, 0x09 -> 1;
            case 0x0B -> 2;
            case 0x0C, 0x0D -> 4;
            case 0x0E -> 8;
            default -> 0;
        };
    }

    @Override
    public int[] dims() {
        return dims.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdxHeader h && typeCode == h.typeCode && Arrays.equals(dims, h.dims);
    }

    @Override
    public int hashCode() {
        return 31 * typeCode + Arrays.hashCode(dims);
    }

    @Override
    public String toString() {
        return "IDX " + typeName() + " " + Arrays.toString(dims);
    }
}
