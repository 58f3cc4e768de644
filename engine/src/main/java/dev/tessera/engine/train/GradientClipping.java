package dev.tessera.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import dev.tessera.engine.runtime.TesseraRuntime;

/**
 * Global-norm gradient clipping: when the L2 norm of all gradients together exceeds a limit,
 * every gradient is scaled down by the same factor, so the update keeps its direction. (DJL's
 * {@code optClipGrad} clips each element on its own, which changes the direction.)
 */
public final class GradientClipping {

    private GradientClipping() {
    }

    /**
     * Scales the gradients of {@code params} in place so their global norm is at most
     * {@code maxNorm}; returns the norm before clipping. {@code maxNorm <= 0} only measures, and
     * so does a non-finite norm (the caller must not apply such gradients).
     */
    public static double clipGlobalNorm(PairList<String, Parameter> params, double maxNorm) {
        java.util.List<NDArray> gradients = new java.util.ArrayList<>();
        for (Pair<String, Parameter> p : params) {
            NDArray g = gradient(p.getValue());
            if (g != null) {
                gradients.add(g);
            }
        }
        return clipGlobalNorm(gradients, maxNorm);
    }

    /**
     * As {@link #clipGlobalNorm(PairList, double)} for plain gradient arrays (models kept as
     * named arrays rather than DJL blocks, e.g. the unified transformer).
     */
    public static double clipGlobalNorm(java.util.Collection<NDArray> gradients, double maxNorm) {
        if (gradients.isEmpty()) {
            return 0;
        }
        double norm;
        try (NDManager scratch = TesseraRuntime.newManager()) {
            // the norm of the per-gradient norms, read back once: one value per gradient
            // crossing into Java cost more than the arithmetic for a model of 50 weights
            NDList norms = new NDList(gradients.size());
            for (NDArray g : gradients) {
                NDArray n = g.norm();
                n.attach(scratch);
                norms.add(n);
            }
            norm = NDArrays.stack(norms).norm().getFloat();
        }
        // a non-finite norm leaves the gradients as they are, so the caller can name the culprits
        if (maxNorm > 0 && Double.isFinite(norm) && norm > maxNorm) {
            float scale = (float) (maxNorm / norm);
            gradients.forEach(g -> g.muli(scale));
        }
        return norm;
    }

    /**
     * Names of the parameters of {@code params} whose gradient has no finite norm (a NaN, an
     * infinity, or values so large that their norm overflows), in order: the ones that made the
     * global norm non-finite.
     */
    public static java.util.List<String> nonFinite(PairList<String, Parameter> params) {
        java.util.List<String> names = new java.util.ArrayList<>();
        java.util.List<NDArray> gradients = new java.util.ArrayList<>();
        for (Pair<String, Parameter> p : params) {
            NDArray g = gradient(p.getValue());
            if (g != null) {
                names.add(p.getKey());
                gradients.add(g);
            }
        }
        return nonFinite(names, gradients);
    }

    /** As {@link #nonFinite(PairList)} for gradient arrays and their names, index for index. */
    public static java.util.List<String> nonFinite(java.util.List<String> names, java.util.List<NDArray> gradients) {
        java.util.List<String> bad = new java.util.ArrayList<>();
        for (int i = 0; i < gradients.size(); i++) {
            if (!hasFiniteNorm(gradients.get(i))) {
                bad.add(names.get(i));
            }
        }
        return bad;
    }

    /** True when the L2 norm of {@code a} is a finite number (no NaN, no infinity, no overflow). */
    public static boolean hasFiniteNorm(NDArray a) {
        try (NDManager scratch = TesseraRuntime.newManager()) {
            NDArray n = a.norm();
            n.attach(scratch);
            return Float.isFinite(n.getFloat());
        }
    }

    /** Sets every gradient to zero (NaN-safe, unlike multiplying by zero). */
    public static void zeroGradients(PairList<String, Parameter> params) {
        java.util.List<NDArray> gradients = new java.util.ArrayList<>();
        for (Pair<String, Parameter> p : params) {
            NDArray g = gradient(p.getValue());
            if (g != null) {
                gradients.add(g);
            }
        }
        zeroGradients(gradients);
    }

    /** As {@link #zeroGradients(PairList)} for plain gradient arrays. */
    public static void zeroGradients(java.util.Collection<NDArray> gradients) {
        gradients.forEach(g -> g.set(new NDIndex("..."), 0f));
    }

    private static NDArray gradient(Parameter p) {
        return p.requiresGradient() && p.isInitialized() && p.getArray().hasGradient() ? p.getArray().getGradient() : null;
    }
}
