package dev.tessera.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tessera.engine.lm.EmbeddingMode;
import dev.tessera.engine.lm.TransformerConfig;
import dev.tessera.engine.lm.UnifiedTransformer;
import dev.tessera.engine.runtime.OpenMpWaits;
import dev.tessera.engine.runtime.RuntimeSettings;
import dev.tessera.engine.runtime.TesseraRuntime;
import dev.tessera.engine.task.TaskBatch;
import dev.tessera.engine.unified.UnifiedConfig;
import dev.tessera.engine.unified.UnifiedModel;
import dev.tessera.engine.unified.UnifiedTrainer;
import dev.tessera.engine.unified.UnifiedTrainingConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An operator-level profile of the unified transformer's training step on ONE thread, both sides
 * under their own libtorch profiler: Tessera's real trainer step ({@link UnifiedBench}'s model and
 * fixed batch) and {@code unified_reference.py --profile} (torch 1.13's autograd profiler, same
 * model and batch, the machine's OpenBLAS overrides removed as in {@link UnifiedComparison}). Prints
 * self CPU milliseconds per step for every operation that takes at least 1 ms on either side,
 * the sum over all operations, the wall time per step, and Tessera's time outside libtorch (wall
 * less the top-level operations: Java, DJL's native interface, frees). Profiling slows both sides
 * a little; the shares are what to read.
 * {@code java -cp bench/target/tessera-bench.jar dev.tessera.bench.TrainingProfile [--steps 10] [--out FILE]}
 */
public final class TrainingProfile {

    private TrainingProfile() {
    }

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>(UnifiedBench.DEFAULTS);
        d.put("python", "/usr/bin/python3");
        d.put("reference", "bench/reference/unified_reference.py");
        d.put("out", "bench/results/unified-training-profile.md");
        return d;
    }

    public static void main(String[] args) throws Exception {
        Flags f = Flags.parse(args, defaults());
        TesseraRuntime.configure(RuntimeSettings.fromEnvironment(System.getenv()).withThreads(1));
        ObjectNode tessera = tesseraProfile(f);
        List<String> cmd = new ArrayList<>(UnifiedComparison.referenceCommand(f, 1, tessera));
        cmd.add("--profile");
        JsonNode pytorch = UnifiedComparison.run(cmd, 1, Map.of(), UnifiedComparison.REFERENCE_UNSET);
        String table = table(tessera, pytorch, f);
        System.out.print(table);
        Path out = Path.of(f.get("out"));
        Files.writeString(out, table);
        System.out.println("\nwritten to " + out);
    }

    /** Tessera's profile: self ms per step per operation, and the shapes the reference must copy. */
    private static ObjectNode tesseraProfile(Flags f) throws Exception {
        TransformerConfig shape = new TransformerConfig(f.integer("width"), f.integer("layers"), f.integer("heads"),
                TransformerConfig.small().context(), TransformerConfig.small().mlpRatio());
        UnifiedTrainingConfig recipe = UnifiedTrainingConfig.small();
        UnifiedConfig config = UnifiedConfig.small().withTransformer(shape)
                .withEmbedding(EmbeddingMode.parse(f.get("embedding")), false);
        ObjectNode out;
        try (UnifiedModel model = UnifiedModel.create(config, 1);
             UnifiedTrainer trainer = new UnifiedTrainer(model, recipe)) {
            UnifiedTransformer t = model.transformer();
            TaskBatch data = UnifiedBench.fixedBatch(f.integer("batch"), f.integer("seq"), t.layout().size(),
                    f.integer("text-targets"));
            for (int i = 0; i < f.integer("warmup"); i++) {
                trainer.step(data, recipe.learningRate());
            }
            int steps = f.integer("steps");
            out = ChromeTrace.profile(steps, () -> {
                for (int i = 0; i < steps; i++) {
                    trainer.step(data, recipe.learningRate());
                }
            });
            out.put("width", shape.width());
            out.put("layers", shape.layers());
            out.put("heads", shape.heads());
            out.put("context", shape.context());
            out.put("vocab", t.layout().size());
            out.put("imageIds", t.layout().imageSize());
            out.put("codeWidth", t.parameters().has("embed.codebook") ? t.parameters().get("embed.codebook").getShape().get(1)
                    : 0);
            out.put("gemm", dev.tessera.engine.runtime.MklCpuOverride.status().describe());
        }
        return out;
    }

    private static String table(JsonNode tessera, JsonNode pytorch, Flags f) {
        StringBuilder s = new StringBuilder("# Unified training step, operator by operator, one thread\n\n");
        Machine.current().describe().forEach(line -> s.append("- ").append(line).append('\n'));
        s.append("- sources: ").append(System.getProperty("bench.source", "unknown")).append('\n');
        s.append("- load average (1/5/15 min) at end: ").append(Machine.loadAverage()).append('\n');
        s.append("- Tessera: its trainer's own step; matrix products: ").append(tessera.path("gemm").asText())
                .append("; OpenMP waits: ").append(OpenMpWaits.status()).append('\n');
        s.append("- reference: unified_reference.py --profile, without ")
                .append(String.join(", ", UnifiedComparison.REFERENCE_UNSET)).append('\n');
        s.append(String.format(Locale.ROOT, "- %d steps profiled after %d warm-up, batch %s x %s tokens; self time = an "
                + "operation's time less the operations it called%n%n",
                f.integer("steps"), f.integer("warmup"), f.get("batch"), f.get("seq")));
        s.append(ProfileTable.section("Training step", "step", tessera, pytorch, 1.0));
        return s.toString();
    }
}
