package dev.tessera.engine.io;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Ways to damage a checkpoint folder on purpose, and to read what a load says on standard error. */
public final class CheckpointFixtures {

    private CheckpointFixtures() {
    }

    /** Flips bits of one byte inside the last float of {@code file}: same length, same shapes, other values. */
    public static void flipLastFloat(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            long at = f.length() - 2;
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0x40);
        }
    }

    /** Cuts {@code file} to half its length. */
    public static void truncate(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
    }

    /** The parsed provenance.json of {@code folder}. */
    public static Map<String, Object> provenance(Path folder) throws IOException {
        return Json.mapper().readValue(folder.resolve(CheckpointFolder.PROVENANCE).toFile(),
                new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    /** Rewrites provenance.json of {@code folder} as {@code edit} leaves it. */
    public static void editProvenance(Path folder, Consumer<Map<String, Object>> edit) throws IOException {
        Map<String, Object> p = provenance(folder);
        edit.accept(p);
        Json.mapper().writeValue(folder.resolve(CheckpointFolder.PROVENANCE).toFile(), p);
    }

    /** Records the hashes of the files now in {@code folder}, as if the checkpoint had been written so. */
    public static void rehash(Path folder) throws IOException {
        Map<String, Object> p = provenance(folder);
        Json.mapper().writeValue(folder.resolve(CheckpointFolder.PROVENANCE).toFile(), CheckpointHashes.stamp(p, folder));
    }

    /** Rewrites config.json of {@code folder} as {@code edit} leaves it, then records the new hashes. */
    public static void editConfig(Path folder, Consumer<ObjectNode> edit) throws IOException {
        Path config = folder.resolve(CheckpointFolder.CONFIG);
        ObjectNode tree = (ObjectNode) Json.mapper().readTree(config.toFile());
        edit.accept(tree);
        Json.mapper().writeValue(config.toFile(), tree);
        rehash(folder);
    }

    /** Copies the shipped checkpoint {@code name}'s files {@code files} into {@code folder}. */
    public static Path copyShipped(String name, Path folder, String... files) throws IOException {
        Files.createDirectories(folder);
        for (String f : files) {
            try (var in = CheckpointFolder.class.getResourceAsStream(CheckpointFolder.RESOURCE_ROOT + name + "/" + f)) {
                Files.copy(in, folder.resolve(f));
            }
        }
        return folder;
    }

    /** Every file under {@code folder} by relative name, with its bytes. */
    public static Map<String, byte[]> snapshot(Path folder) throws IOException {
        Map<String, byte[]> files = new java.util.TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    /** What {@code action} printed on standard error. */
    public static String stderrOf(Runnable action) {
        PrintStream saved = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(saved);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
