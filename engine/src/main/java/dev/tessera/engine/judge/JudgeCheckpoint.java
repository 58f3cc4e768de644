package dev.tessera.engine.judge;

import ai.djl.MalformedModelException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tessera.engine.io.CheckpointFolder;
import dev.tessera.engine.io.Json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Saves and loads scene judges as {@link CheckpointFolder}s: {@code config.json} holds the
 * format tag, the name and the {@link JudgeConfig}, so loading rebuilds the same network.
 * Shipped judges load with {@link #pretrained(String)}.
 */
public final class JudgeCheckpoint {

    /** The judge every evaluation of generated 32x32 images uses. */
    public static final String DEFAULT = "judge-objects32";
    /** The shipped assessor: a transformer over fsq-shapes32 ids, of another architecture than the judge. */
    public static final String ASSESSOR = "assessor-tokens32";
    /** Every judge the project trains and ships, by name. */
    public static final List<String> SHIPPED = List.of(DEFAULT, ASSESSOR);

    static final String FORMAT = "tessera-judge";
    /** 2: the per-object detector; version 1 was a set classifier without objects, which this Tessera cannot read. */
    static final int VERSION = 2;

    /** Contents of {@code config.json}. */
    public record Manifest(String format, int version, String name, JudgeConfig config) {
    }

    private JudgeCheckpoint() {
    }

    /** Writes {@code judge} to {@code folder}, replacing what was there only when all files are written. */
    public static void save(SceneJudge judge, Path folder, Map<String, Object> provenance) {
        CheckpointFolder.write(folder, new Manifest(FORMAT, VERSION, judge.name(), judge.config()),
                judge.model().getBlock(), provenance);
    }

    /** Loads the judge checkpoint folder at {@code folder}. */
    public static SceneJudge load(Path folder) {
        return CheckpointFolder.read(folder, "judge", JudgeCheckpoint::read);
    }

    /** Loads a judge shipped in the engine jar, e.g. {@value #DEFAULT}. */
    public static SceneJudge pretrained(String name) {
        SceneJudge judge = CheckpointFolder.readShipped(name, JudgeCheckpoint::read);
        if (judge == null) {
            throw new IllegalArgumentException("no shipped judge named '" + name + "'; shipped: " + String.join(", ", available()));
        }
        return judge;
    }

    /** The shipped judges present in this build. */
    public static List<String> available() {
        return SHIPPED.stream().filter(CheckpointFolder::isShipped).toList();
    }

    /** The provenance record of a shipped judge (command, seed, measured accuracies). */
    public static Map<String, Object> provenance(String name) {
        Map<String, Object> p = CheckpointFolder.shippedProvenance(name);
        if (p == null) {
            throw new IllegalArgumentException("no shipped judge named '" + name + "'; shipped: " + String.join(", ", available()));
        }
        return p;
    }

    private static SceneJudge read(InputStream config, InputStream weights, String where) throws IOException {
        SceneJudge judge;
        try {
            JsonNode tree = Json.mapper().readTree(config);
            String format = tree.path("format").asText("");
            if (!FORMAT.equals(format)) {
                throw new IllegalArgumentException(format.isEmpty() ? "it names no checkpoint format"
                        : "it is a '" + format + "' checkpoint, not a judge" + ("tessera-tokenizer".equals(format)
                        ? " (load it with TokenizerCheckpoint.load)" : ""));
            }
            int version = tree.path("version").asInt(-1);
            if (version != VERSION) {
                throw new IllegalArgumentException("it is a " + FORMAT + " v" + version + " file; this Tessera reads v"
                        + VERSION + (version < VERSION ? " (the per-object judge): train a new one with "
                        + "./tessera engine train-judge, or use the shipped " + DEFAULT : ""));
            }
            Manifest manifest = Json.mapper().treeToValue(tree, Manifest.class);
            judge = SceneJudge.create(manifest.name(), manifest.config(), 0);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " is not a judge checkpoint: " + where + "/config.json: "
                    + Json.problem(e) + "; point at a folder written by train-judge or JudgeCheckpoint.save", e);
        }
        try {
            CheckpointFolder.loadWeights(judge.model().getBlock(), judge.model().getNDManager(), weights);
        } catch (MalformedModelException | IOException | RuntimeException e) {
            judge.close();
            throw new IllegalArgumentException(where + "/weights.params does not match its config.json ("
                    + e.getMessage() + "); the folder mixes files of different checkpoints", e);
        }
        return judge;
    }
}
