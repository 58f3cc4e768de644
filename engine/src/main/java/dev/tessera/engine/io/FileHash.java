package dev.tessera.engine.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 and the length of one checkpoint file, as {@code provenance.json} records it
 * under {@value CheckpointHashes#KEY}. The length is kept beside the hash so a file cut short
 * (an interrupted copy or download) is reported as such rather than only as "changed".
 *
 * @param sha256 64 lower-case hex digits
 * @param bytes  the file's length
 */
public record FileHash(String sha256, long bytes) {

    public FileHash {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a SHA-256 is 64 lower-case hex digits, not '" + sha256 + "'");
        }
        if (bytes < 0) {
            throw new IllegalArgumentException("a file length is >= 0, not " + bytes);
        }
    }

    /** The hash of {@code content}. */
    public static FileHash of(byte[] content) {
        return new FileHash(HexFormat.of().formatHex(digest().digest(content)), content.length);
    }

    /** The hash of the file at {@code file}, read as a stream. */
    public static FileHash of(Path file) throws IOException {
        MessageDigest d = digest();
        long n = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int r; (r = in.read(buf)) > 0; ) {
                d.update(buf, 0, r);
                n += r;
            }
        }
        return new FileHash(HexFormat.of().formatHex(d.digest()), n);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
