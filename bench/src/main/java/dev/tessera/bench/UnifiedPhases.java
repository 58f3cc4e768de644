package dev.tessera.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.tessera.engine.lm.AdamW;
import dev.tessera.engine.lm.ParameterSet;
import dev.tessera.engine.lm.SequenceLoss;
import dev.tessera.engine.lm.TransformerConfig;
import dev.tessera.engine.lm.UnifiedTransformer;
import dev.tessera.engine.runtime.RuntimeSettings;
import dev.tessera.engine.runtime.TesseraRuntime;
import dev.tessera.engine.task.TaskBatch;
import dev.tessera.engine.train.GradientClipping;
import dev.tessera.engine.unified.UnifiedConfig;
import dev.tessera.engine.unified.UnifiedModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where one training step of the unified transformer spends its time: forward (with the loss),
 * backward, global-norm clipping and the AdamW update, each timed on its own over
 * {@code --steps} steps. The pieces are the trainer's (same calls in the same order), with an
 * optimizer of this class's own; {@link UnifiedBench} times the trainer's real step. With one
 * engine thread the work runs on the calling thread, so its CPU time (printed beside the wall
 * time) stays meaningful on a machine other processes keep busy.
 */
public final class UnifiedPhases {

    private UnifiedPhases() {
    }

    public static void main(String[] args) {
        Flags f = Flags.parse(args, UnifiedBench.DEFAULTS);
        TesseraRuntime.configure(RuntimeSettings.fromEnvironment(System.getenv()).withThreads(f.integer("threads")));
        TransformerConfig shape = new TransformerConfig(f.integer("width"), f.integer("layers"), f.integer("heads"),
                TransformerConfig.small().context(), TransformerConfig.small().mlpRatio());
        try (UnifiedModel model = UnifiedModel.create(UnifiedConfig.small().withTransformer(shape), 1)) {
            UnifiedTransformer t = model.transformer();
            ParameterSet params = t.parameters();
            TaskBatch b = UnifiedBench.fixedBatch(f.integer("batch"), f.integer("seq"), t.layout().size(),
                    f.integer("text-targets"));
            double[] ms = new double[5];
            double[] cpu = new double[5];
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            String[] names = {"forward+loss", "backward", "clip", "adamw", "total"};
            try (AdamW opt = new AdamW(params.manager(), 0.9, 0.95, 1e-8)) {
                int warmup = f.integer("warmup");
                int steps = f.integer("steps");
                for (int s = 0; s < warmup + steps; s++) {
                    long[] at = new long[5];
                    long[] cat = new long[5];
                    try (NDManager m = TesseraRuntime.newManager()) {
                        Shape shp = new Shape(b.batch(), b.length());
                        NDArray in = m.create(b.inputs(), shp);
                        NDArray target = m.create(b.targets(), shp);
                        NDArray textMask = m.create(b.textMask(), shp);
                        NDArray imageMask = m.create(b.imageMask(), shp);
                        at[0] = System.nanoTime();
                        cat[0] = threads.getCurrentThreadCpuTime();
                        try (GradientCollector gc = TesseraRuntime.engine().newGradientCollector()) {
                            NDArray nll = SequenceLoss.tokenNll(t.forward(m, in), target);
                            NDArray total = SequenceLoss.maskedMean(nll, textMask.add(imageMask));
                            total.getFloat();
                            at[1] = System.nanoTime();
                            cat[1] = threads.getCurrentThreadCpuTime();
                        cat[1] = threads.getCurrentThreadCpuTime();
                            gc.backward(total);
                            NDArray detached = nll.stopGradient();
                            SequenceLoss.maskedMean(detached, textMask).getFloat();
                            SequenceLoss.maskedMean(detached, imageMask).getFloat();
                        }
                        at[2] = System.nanoTime();
                        cat[2] = threads.getCurrentThreadCpuTime();
                        List<NDArray> gradients = new ArrayList<>();
                        for (String name : params.names()) {
                            if (params.isTrainable(name) && params.get(name).hasGradient()) {
                                gradients.add(params.get(name).getGradient());
                            }
                        }
                        GradientClipping.clipGlobalNorm(gradients, 1.0);
                        at[3] = System.nanoTime();
                        cat[3] = threads.getCurrentThreadCpuTime();
                        opt.step(params, 1e-3, 0.01);
                        at[4] = System.nanoTime();
                        cat[4] = threads.getCurrentThreadCpuTime();
                    }
                    if (s >= warmup) {
                        for (int i = 0; i < 4; i++) {
                            ms[i] += (at[i + 1] - at[i]) / 1e6 / steps;
                            cpu[i] += (cat[i + 1] - cat[i]) / 1e6 / steps;
                        }
                        ms[4] += (at[4] - at[0]) / 1e6 / steps;
                        cpu[4] += (cat[4] - cat[0]) / 1e6 / steps;
                    }
                }
            }
            StringBuilder out = new StringBuilder("tessera phases, ms per step (wall/this thread's CPU):");
            for (int i = 0; i < names.length; i++) {
                out.append(String.format(Locale.ROOT, " %s %.1f/%.1f", names[i], ms[i], cpu[i]));
            }
            System.out.println(out);
        }
    }
}
