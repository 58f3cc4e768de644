package dev.tessera.engine.io;

import com.fasterxml.jackson.core.type.TypeReference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Records and checks the SHA-256 of every file of a checkpoint, so that a checkpoint loads only
 * as it was written. The record is the {@value #KEY} entry of {@code provenance.json}:
 * <pre>
 * "files" : {
 *   "config.json" : { "sha256" : "9f2c…", "bytes" : 295 },
 *   "weights.params" : { "sha256" : "41d0…", "bytes" : 621186 }
 * }
 * </pre>
 * covering every other file of the folder. {@code provenance.json} itself is not covered: it
 * cannot hold its own hash, and measured results are added to it after the fact. Every
 * checkpoint writer ({@link CheckpointFolder#write}, {@code UnifiedCheckpoint.save}) calls
 * {@link #stamp} as the last step of its {@link AtomicDirectory} write, so the hashes describe
 * exactly the files that are renamed into place.
 *
 * <p>Loading checks every file it reads against the record before parsing any of it, so a
 * changed weight (one flipped float), a truncated file, a {@code config.json} swapped in from
 * another checkpoint or a missing file is refused with a {@link CheckpointIntegrityException}
 * that names the file and the fix, instead of loading a different model or failing deep in DJL.
 *
 * <p>A checkpoint folder without hashes (written before Tessera recorded them, or whose
 * {@code provenance.json} is gone) still loads, with one warning line on standard error per
 * folder and run: refusing it would make every older run unloadable, and its files are still
 * checked for shape and format as before. A file the record does not list, a malformed record
 * and a shipped checkpoint without hashes are refused.
 */
public final class CheckpointHashes {

    /** The key of the record in {@code provenance.json}. */
    public static final String KEY = "files";

    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private CheckpointHashes() {
    }

    /** The hashes of every regular file in {@code folder} except {@code provenance.json}, in name order. */
    public static SortedMap<String, FileHash> of(Path folder) throws IOException {
        SortedMap<String, FileHash> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (!CheckpointFolder.PROVENANCE.equals(name)) {
                    hashes.put(name, FileHash.of(f));
                }
            }
        }
        return hashes;
    }

    /**
     * A copy of {@code provenance} whose {@value #KEY} entry (last) holds the hashes of the files
     * now in {@code folder}; any {@value #KEY} entry it had (a resumed run copies its
     * predecessor's record) is replaced.
     */
    public static Map<String, Object> stamp(Map<String, ?> provenance, Path folder) throws IOException {
        Map<String, Object> p = new LinkedHashMap<>(provenance);
        p.remove(KEY);
        p.put(KEY, of(folder));
        return p;
    }

    /**
     * The hashes {@code provenance} (a parsed {@code provenance.json}) records, or null when it
     * records none; {@code where} names the checkpoint in errors.
     *
     * @throws CheckpointIntegrityException when the record is there but malformed
     */
    public static Map<String, FileHash> recorded(Map<String, ?> provenance, String where) {
        Object files = provenance.get(KEY);
        if (files == null) {
            return null;
        }
        try {
            return Json.mapper().convertValue(files, new TypeReference<LinkedHashMap<String, FileHash>>() { });
        } catch (IllegalArgumentException e) {
            throw new CheckpointIntegrityException(where + "/" + CheckpointFolder.PROVENANCE + " has a malformed \"" + KEY
                    + "\" record (" + e.getMessage() + "); each entry is {\"sha256\": 64 hex digits, \"bytes\": length}. "
                    + fix(where));
        }
    }

    /** Throws unless {@code actual} is what {@code recorded} holds for the file {@code name} of {@code where}. */
    public static void check(Map<String, FileHash> recorded, String where, String name, FileHash actual) {
        FileHash want = recorded.get(name);
        String file = where + "/" + name;
        if (want == null) {
            throw new CheckpointIntegrityException(file + " is not among the files " + CheckpointFolder.PROVENANCE
                    + " records (" + String.join(", ", recorded.keySet()) + "), so it was added after the checkpoint was "
                    + "written. " + fix(where));
        }
        if (actual.bytes() < want.bytes()) {
            throw new CheckpointIntegrityException(file + " has changed since the checkpoint was written: it is "
                    + actual.bytes() + " bytes, not " + want.bytes() + ", so it was cut short (an interrupted copy or "
                    + "download) or replaced by another checkpoint's file. " + fix(where));
        }
        if (!actual.equals(want)) {
            throw new CheckpointIntegrityException(file + " has changed since the checkpoint was written: its SHA-256 is "
                    + actual.sha256() + " (" + actual.bytes() + " bytes) but " + CheckpointFolder.PROVENANCE + " records "
                    + want.sha256() + " (" + want.bytes() + " bytes); it was edited, damaged or swapped in from another "
                    + "checkpoint. " + fix(where));
        }
    }

    /**
     * Checks the files {@code names} of the checkpoint folder {@code folder} against the record
     * in its {@code provenance.json}, streaming each file once. Without a record the folder passes
     * with a warning, or is refused when {@code required} (shipped checkpoints).
     */
    public static void verify(Path folder, String where, List<String> names, boolean required) {
        Map<String, FileHash> recorded = recordedIn(folder, where, required);
        if (recorded == null) {
            return;
        }
        for (String name : names) {
            Path file = folder.resolve(name);
            if (!Files.isRegularFile(file)) {
                throw missing(where, name, recorded);
            }
            try {
                check(recorded, where, name, FileHash.of(file));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot read " + where + "/" + name + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * The record of {@code folder}'s {@code provenance.json}, or null (after the one-line warning)
     * when there is none and {@code required} is false.
     */
    public static Map<String, FileHash> recordedIn(Path folder, String where, boolean required) {
        Path file = folder.resolve(CheckpointFolder.PROVENANCE);
        Map<String, Object> provenance = null;
        if (Files.isRegularFile(file)) {
            try {
                provenance = Json.mapper().readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() { });
            } catch (IOException e) {
                throw new CheckpointIntegrityException(where + "/" + CheckpointFolder.PROVENANCE + " is not valid JSON ("
                        + e.getMessage() + "), so its file hashes cannot be checked. " + fix(where));
            }
        }
        Map<String, FileHash> recorded = provenance == null ? null : recorded(provenance, where);
        if (recorded == null) {
            unrecorded(where, required);
        }
        return recorded;
    }

    /** The error for a file the record lists that is not there. */
    public static CheckpointIntegrityException missing(String where, String name, Map<String, FileHash> recorded) {
        return new CheckpointIntegrityException(where + "/" + name + " is missing" + (recorded.containsKey(name)
                ? ", though the checkpoint was written with it (" + CheckpointFolder.PROVENANCE + " records its hash)"
                : "") + ". " + fix(where));
    }

    /** Refuses a checkpoint without a record when {@code required}, else warns once per {@code where}. */
    static void unrecorded(String where, boolean required) {
        if (required) {
            throw new CheckpointIntegrityException(where + " records no file hashes in " + CheckpointFolder.PROVENANCE
                    + " (every shipped checkpoint must). " + fix(where));
        }
        if (WARNED.add(where)) {
            System.err.println("tessera: warning: " + where + " records no file hashes (written before Tessera checked "
                    + "them); loading it without an integrity check");
        }
    }

    private static String fix(String where) {
        return where.startsWith("shipped:") ? "The engine jar is damaged: reinstall or rebuild Tessera."
                : "Copy the whole checkpoint folder again from where it was written, or train it again.";
    }
}
