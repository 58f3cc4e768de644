package dev.tessera.engine.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The named weights of a model, held in one long-lived manager. Kept as plain arrays (not DJL
 * blocks) so the optimizer state that belongs to each weight can be saved and restored
 * exactly, which is what makes a resumed training continue with identical losses.
 * Initial values come from a Java random stream, so a seed fixes them on any device.
 */
public final class ParameterSet implements AutoCloseable {

    private final NDManager manager;
    private final Map<String, NDArray> arrays = new LinkedHashMap<>();
    private final Map<String, Boolean> trainable = new LinkedHashMap<>();

    public ParameterSet(NDManager manager) {
        this.manager = manager;
    }

    public NDManager manager() {
        return manager;
    }

    /** Adds a trainable weight drawn from N(0, std^2). */
    public NDArray normal(String name, SplittableRandom rng, double std, long... shape) {
        return normal(name, true, rng, std, shape);
    }

    /** Adds a weight drawn from N(0, std^2); {@code learn} false keeps it frozen. */
    public NDArray normal(String name, boolean learn, SplittableRandom rng, double std, long... shape) {
        float[] v = new float[Math.toIntExact(new Shape(shape).size())];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (std * gaussian(rng));
        }
        return add(name, manager.create(v, new Shape(shape)), learn);
    }

    /** Adds a weight filled with {@code value}. */
    public NDArray constant(String name, float value, long... shape) {
        return add(name, manager.full(new Shape(shape), value), true);
    }

    /** Adds {@code value} (copied into this set's manager); frozen ones get no gradient. */
    public NDArray add(String name, NDArray value, boolean learn) {
        if (arrays.containsKey(name)) {
            throw new IllegalArgumentException("duplicate parameter " + name);
        }
        NDArray a = value.getManager() == manager ? value : value.toDevice(manager.getDevice(), true);
        if (a.getManager() != manager) {
            a.attach(manager);
        }
        a.setName(name);
        if (learn) {
            a.setRequiresGradient(true);
        }
        arrays.put(name, a);
        trainable.put(name, learn);
        return a;
    }

    /**
     * Replaces weight {@code name} by {@code value} (another shape is allowed: a vocabulary that
     * grew), keeping its place in the order and its trainable flag; the old array is closed.
     */
    public NDArray replace(String name, NDArray value) {
        NDArray old = get(name);
        boolean learn = isTrainable(name);
        List<String> order = new ArrayList<>(arrays.keySet());
        Map<String, NDArray> kept = new LinkedHashMap<>(arrays);
        arrays.clear();
        kept.remove(name);
        for (String n : order) {
            if (n.equals(name)) {
                NDArray a = value.getManager() == manager ? value : value.toDevice(manager.getDevice(), true);
                if (a.getManager() != manager) {
                    a.attach(manager);
                }
                a.setName(name);
                a.setRequiresGradient(learn);
                arrays.put(name, a);
            } else {
                arrays.put(n, kept.get(n));
            }
        }
        old.close();
        return get(name);
    }

    /**
     * Sets whether weight {@code name} learns: a frozen weight gets no gradient and the
     * optimizer leaves it as it is (a stage that trains some parameter groups only).
     */
    public void setTrainable(String name, boolean learn) {
        get(name).setRequiresGradient(learn);
        trainable.put(name, learn);
    }

    public NDArray get(String name) {
        NDArray a = arrays.get(name);
        if (a == null) {
            throw new IllegalArgumentException("no parameter " + name);
        }
        return a;
    }

    public boolean has(String name) {
        return arrays.containsKey(name);
    }

    public boolean isTrainable(String name) {
        return trainable.getOrDefault(name, false);
    }

    /** Names in creation order. */
    public List<String> names() {
        return Collections.unmodifiableList(new ArrayList<>(arrays.keySet()));
    }

    /** Number of trainable scalars. */
    public long trainableCount() {
        return arrays.entrySet().stream().filter(e -> isTrainable(e.getKey())).mapToLong(e -> e.getValue().size()).sum();
    }

    /** Writes every weight with its name. */
    public void save(OutputStream out) throws IOException {
        NDList list = new NDList();
        arrays.values().forEach(list::add);
        out.write(list.encode());
    }

    /**
     * Replaces every weight's values with those in {@code in}; names and shapes must match
     * exactly, otherwise nothing is changed and the message names the first mismatch.
     */
    public void load(InputStream in) throws IOException {
        try (NDManager scratch = manager.newSubManager()) {
            NDList list = NDList.decode(scratch, in.readAllBytes());
            List<String> names = names();
            if (list.size() != names.size()) {
                throw new IllegalArgumentException("the weights file holds " + list.size() + " arrays, this model has "
                        + names.size());
            }
            for (int i = 0; i < names.size(); i++) {
                NDArray have = get(names.get(i));
                NDArray got = list.get(i);
                if (!names.get(i).equals(got.getName()) || !have.getShape().equals(got.getShape())) {
                    throw new IllegalArgumentException("weight " + i + " is " + got.getName() + " " + got.getShape()
                            + " in the file but " + names.get(i) + " " + have.getShape() + " in this model");
                }
            }
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                NDArray old = get(name);
                NDArray fresh = manager.create(list.get(i).toFloatArray(), old.getShape());
                fresh.setName(name);
                if (isTrainable(name)) {
                    fresh.setRequiresGradient(true);
                }
                arrays.put(name, fresh);
                old.close();
            }
        }
    }

    @Override
    public void close() {
        manager.close();
    }

    static double gaussian(SplittableRandom rng) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(Math.max(u1, 1e-300))) * Math.cos(2 * Math.PI * u2);
    }
}
