package dev.tessera.engine.unified;

import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.task.SceneItem;
import dev.tessera.engine.task.SceneItems;
import dev.tessera.engine.task.Task;
import dev.tessera.engine.task.TaskExample;
import dev.tessera.engine.task.TaskMix;
import dev.tessera.engine.tokenize.ImageTokens;
import dev.tessera.engine.tokenize.TokenGrid;
import dev.tessera.engine.tokenize.TokenSet;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What each task of a stage writes, in a few characters: the SHA-256 of the sequences it makes
 * from {@value #SCENES} fixed scenes (with a fixed stand-in image grid, so a codebook that learns
 * does not change it) and a fixed random stream. A checkpoint keeps the fingerprints of its
 * stage's tasks; resuming it with a task of the same name that now writes other sequences (a
 * notebook cell edited between two runs) would silently train another task, so it is refused.
 */
public final class TaskFingerprints {

    /** Scenes each fingerprint is made from. */
    public static final int SCENES = 4;
    private static final long SEED = 0x7A5CF1L;

    private TaskFingerprints() {
    }

    /** The fingerprint of every task of {@code mix} as {@code model} lays it out, by task name. */
    public static Map<String, String> of(UnifiedModel model, TaskMix mix) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : mix.names()) {
            out.put(name, of(model, mix.task(name)));
        }
        return out;
    }

    /** The fingerprint of {@code task} as {@code model} lays it out. */
    public static String of(UnifiedModel model, Task task) {
        List<Scene> scenes = new SceneGenerator(model.scenes(SEED)).scenes(0, SCENES);
        TokenGrid grid = model.readsSpans() ? null : standInGrid(model);
        ImageTokens image = model.readsSpans() ? standInSpan(model) : grid;
        SplittableRandom rng = new SplittableRandom(SEED);
        MessageDigest sha = sha256();
        // an edit's result gets the same fixed grid: the fingerprint is of the layout, not of the pictures;
        // a span model has no grid, so a task that writes images fails here, before any training
        List<SceneItem> items = SceneItems.of(scenes, java.util.Collections.nCopies(scenes.size(), image), task.needsEdits(),
                new SceneGenerator(model.scenes(SEED)), grid == null ? model::encodeGrids
                        : pictures -> java.util.Collections.nCopies(pictures.size(), grid));
        for (SceneItem item : items) {
            TaskExample e = task.example(model.tasks(), item, rng);
            ByteBuffer b = ByteBuffer.allocate(4 * (e.ids().length + 2));
            b.putInt(e.ids().length).putInt(e.targetStart());
            for (int id : e.ids()) {
                b.putInt(id);
            }
            sha.update(b.array());
        }
        return HexFormat.of().formatHex(sha.digest(), 0, 8);
    }

    /** A fixed grid of the model's shape, every level's ids spread over the codebook. */
    private static TokenGrid standInGrid(UnifiedModel model) {
        var layout = model.vocabulary().layout();
        int rows = model.vocabulary().gridRows();
        int cols = model.vocabulary().gridCols();
        int depth = layout.imageLevels();
        int[] ids = new int[rows * cols * depth];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = (int) ((i * 7L + 3) % layout.codebookSize());
        }
        return new TokenGrid(rows, cols, depth, ids, layout.codebookSize());
    }

    /** A fixed three-token SeTok set on the model's patch grid: first, middle and last patch as centres. */
    private static TokenSet standInSpan(UnifiedModel model) {
        int side = model.vocabulary().gridRows();
        int codes = model.vocabulary().layout().codebookSize();
        int[] centres = {0, side * side / 2, side * side - 1};
        int[] assignment = new int[side * side];
        for (int p = 0; p < assignment.length; p++) {
            assignment[p] = p < side * side / 2 ? 0 : p < side * side - 1 ? 1 : 2;
        }
        return new TokenSet(side, new int[] {3 % codes, 10 % codes, 17 % codes}, centres, assignment, codes);
    }

    /**
     * Refuses to resume {@code folder} when a task now writes other sequences than the fingerprint
     * {@code saved} recorded; a checkpoint without fingerprints (written before they were kept) passes.
     */
    public static void checkUnchanged(UnifiedModel model, TaskMix mix, Map<String, String> saved, java.nio.file.Path folder) {
        for (Map.Entry<String, String> now : of(model, mix).entrySet()) {
            String then = saved.get(now.getKey());
            if (then != null && !then.equals(now.getValue())) {
                throw new IllegalArgumentException("task " + now.getKey() + " now writes other sequences than when "
                        + folder + " was saved (fingerprint " + then + ", now " + now.getValue() + "): resuming would "
                        + "train another task under the same name. Restore the task's definition, or train the stage in a "
                        + "new folder");
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
