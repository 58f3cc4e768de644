package dev.tessera.engine.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AdamW (decoupled weight decay) over a {@link ParameterSet}, with its moment estimates held
 * here by parameter name so they can be saved and restored: a resumed training then takes
 * exactly the steps an uninterrupted one would. Each update runs libtorch's fused Adam kernel
 * (the one DJL's own optimizer calls) and zeroes the gradient.
 *
 * <p>Weight decay applies to matrices only; biases, norms and position tables are not decayed.
 */
public final class AdamW implements AutoCloseable {

    /**
     * The fused kernel's element-wise clip setting that means "off". Zero is NOT off: it clamps
     * every positive gradient element to zero (found the hard way; AdamWTest pins it).
     * Clipping is done before, by global norm.
     */
    private static final float NO_CLIPPING = -1f;

    private final NDManager manager;
    private final Map<String, NDArray[]> moments = new LinkedHashMap<>();
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private int steps;

    public AdamW(NDManager parent, double beta1, double beta2, double epsilon) {
        this.manager = parent.newSubManager();
        this.beta1 = (float) beta1;
        this.beta2 = (float) beta2;
        this.epsilon = (float) epsilon;
    }

    /** Updates done so far. */
    public int steps() {
        return steps;
    }

    /** One update of every trainable parameter with a gradient, at learning rate {@code lr}. */
    public void step(ParameterSet params, double lr, double weightDecay) {
        steps++;
        float biasCorrected = (float) (lr * Math.sqrt(1 - Math.pow(beta2, steps)) / (1 - Math.pow(beta1, steps)));
        for (String name : params.names()) {
            if (!params.isTrainable(name)) {
                continue;
            }
            NDArray w = params.get(name);
            if (!w.hasGradient()) {
                continue;
            }
            NDArray[] mv = moments.computeIfAbsent(name, n -> new NDArray[] {
                manager.zeros(w.getShape()), manager.zeros(w.getShape())});
            float wd = decays(name, w) ? (float) weightDecay : 0f;
            w.getNDArrayInternal().adamUpdate(new NDList(w, w.getGradient(), mv[0], mv[1]), new NDList(w),
                    (float) lr, biasCorrected, wd, 1f, NO_CLIPPING, beta1, beta2, epsilon, false, true);
        }
    }

    private static boolean decays(String name, NDArray w) {
        return w.getShape().dimension() == 2 && !name.equals("embed.position");
    }

    /** Writes the step count and every moment estimate. */
    public void save(OutputStream out) throws IOException {
        NDList list = new NDList();
        NDArray count = manager.create(new int[] {steps});
        count.setName("steps");
        list.add(count);
        moments.forEach((name, mv) -> {
            mv[0].setName(name + "#m");
            mv[1].setName(name + "#v");
            list.add(mv[0]);
            list.add(mv[1]);
        });
        out.write(list.encode());
        count.close();
    }

    /** Restores what {@link #save} wrote; moments of names {@code params} lacks are an error. */
    public void load(InputStream in, ParameterSet params) throws IOException {
        NDList list = NDList.decode(manager, in.readAllBytes());
        if (list.isEmpty() || !"steps".equals(list.get(0).getName())) {
            throw new IllegalArgumentException("not an optimizer state file (no step count)");
        }
        Map<String, NDArray[]> loaded = new LinkedHashMap<>();
        List<NDArray> arrays = list.subList(1, list.size());
        for (int i = 0; i + 1 < arrays.size(); i += 2) {
            String name = arrays.get(i).getName().replace("#m", "");
            if (!params.has(name) || !params.get(name).getShape().equals(arrays.get(i).getShape())) {
                throw new IllegalArgumentException("the optimizer state has moments for " + name + " "
                        + arrays.get(i).getShape() + ", which this model does not have");
            }
            loaded.put(name, new NDArray[] {arrays.get(i), arrays.get(i + 1)});
        }
        moments.values().forEach(mv -> {
            mv[0].close();
            mv[1].close();
        });
        moments.clear();
        moments.putAll(loaded);
        steps = list.get(0).toIntArray()[0];
        list.get(0).close();
    }

    @Override
    public void close() {
        manager.close();
    }
}
