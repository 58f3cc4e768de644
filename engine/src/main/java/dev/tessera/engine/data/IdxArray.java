package dev.tessera.engine.data;

/**
 * The first {@code items} items of an unsigned-byte IDX file, as read by {@link IdxFiles#read}.
 *
 * @param header the file's header (which declares all its items, not only those read)
 * @param items  how many items were read, at most {@code header.items()}
 * @param data   {@code items * header.itemElements()} bytes, item after item; read them as
 *               unsigned with {@link #unsigned}
 */
public record IdxArray(IdxHeader header, int items, byte[] data) {

    public IdxArray {
        if (items < 0 || items > header.items()) {
            throw new IllegalArgumentException("read " + items + " items of a file declaring " + header.items());
        }
        if (data.length != items * header.itemElements()) {
            throw new IllegalArgumentException(items + " items of " + header.itemElements() + " elements need "
                    + items * header.itemElements() + " bytes, got " + data.length);
        }
    }

    /** Element {@code offset} of item {@code item}, as an unsigned value 0..255. */
    public int unsigned(int item, int offset) {
        return data[(int) (item * header.itemElements()) + offset] & 0xFF;
    }
}
