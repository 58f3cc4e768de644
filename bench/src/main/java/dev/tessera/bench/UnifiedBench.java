package dev.tessera.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tessera.engine.lm.Decoder;
import dev.tessera.engine.lm.EmbeddingMode;
import dev.tessera.engine.lm.ParameterSet;
import dev.tessera.engine.lm.Sampler;
import dev.tessera.engine.lm.SamplingConfig;
import dev.tessera.engine.lm.TransformerConfig;
import dev.tessera.engine.lm.UnifiedTransformer;
import dev.tessera.engine.runtime.RuntimeSettings;
import dev.tessera.engine.runtime.TesseraRuntime;
import dev.tessera.engine.task.TaskBatch;
import dev.tessera.engine.train.StepLoss;
import dev.tessera.engine.unified.UnifiedConfig;
import dev.tessera.engine.unified.UnifiedModel;
import dev.tessera.engine.unified.UnifiedTrainer;
import dev.tessera.engine.unified.UnifiedTrainingConfig;
import dev.tessera.engine.vocab.SpecialToken;
import dev.tessera.engine.vocab.VocabularyLayout;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tessera's side of the unified-model comparison ({@link UnifiedComparison}): one JVM, one
 * thread count, printing one JSON line with the same keys as {@code bench/reference/unified_reference.py}.
 *
 * <ul>
 *   <li>training tokens/s: {@link UnifiedTrainer#step}, the step its run takes, on a
 *       fixed batch, input tokens per second over {@code --steps} steps after {@code --warmup};</li>
 *   <li>generation ms/image: {@link Decoder#continueAll} with a KV cache, {@code --images} prompts
 *       of {@code --prompt} ids and as many unconditional prompts ({@code <generate><boi>}) for
 *       classifier-free guidance, {@code --new} image ids each (what {@link UnifiedModel#generate}
 *       runs before the image decoder, which is left out);</li>
 *   <li>the engine's fp32 1024^2 matmul GFLOP/s.</li>
 * </ul>
 * The model is the shipped preset's ({@link UnifiedConfig#small()}): its real text tokenizer,
 * vocabulary layout, fsq-shapes32 image ids and embedding mode ({@code --embedding} picks the
 * other one); batch and ids are the reference's formula.
 */
public final class UnifiedBench {

    static final Map<String, String> DEFAULTS = defaults();

    private UnifiedBench() {
    }

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        TransformerConfig t = TransformerConfig.small();
        d.put("threads", "1");
        d.put("width", Integer.toString(t.width()));
        d.put("layers", Integer.toString(t.layers()));
        d.put("heads", Integer.toString(t.heads()));
        d.put("batch", "32");
        d.put("seq", "80");
        d.put("text-targets", "16");
        d.put("steps", "10");
        d.put("warmup", "3");
        d.put("images", "8");
        d.put("prompt", "15");
        d.put("new", "64");
        d.put("gen-runs", "2");
        d.put("embedding", UnifiedConfig.small().embedding().id());
        return d;
    }

    public static void main(String[] args) throws Exception {
        Flags f = Flags.parse(args, DEFAULTS);
        int threads = f.integer("threads");
        TesseraRuntime.configure(RuntimeSettings.fromEnvironment(System.getenv()).withThreads(threads));
        double gflops = matmulGflops();

        TransformerConfig shape = new TransformerConfig(f.integer("width"), f.integer("layers"), f.integer("heads"),
                TransformerConfig.small().context(), TransformerConfig.small().mlpRatio());
        UnifiedTrainingConfig recipe = UnifiedTrainingConfig.small();
        Map<String, Object> out = new LinkedHashMap<>();
        UnifiedConfig config = UnifiedConfig.small().withTransformer(shape)
                .withEmbedding(EmbeddingMode.parse(f.get("embedding")), false);
        try (UnifiedModel model = UnifiedModel.create(config, 1);
             UnifiedTrainer trainer = new UnifiedTrainer(model, recipe)) {
            UnifiedTransformer t = model.transformer();
            VocabularyLayout layout = t.layout();
            int batch = f.integer("batch");
            int seq = f.integer("seq");
            int steps = f.integer("steps");
            TaskBatch data = fixedBatch(batch, seq, layout.size(), f.integer("text-targets"));
            StepLoss first = trainer.step(data, recipe.learningRate());
            for (int i = 1; i < f.integer("warmup"); i++) {
                trainer.step(data, recipe.learningRate());
            }
            long cpuStart = processCpuNanos();
            long start = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                trainer.step(data, recipe.learningRate());
            }
            double trainSecs = (System.nanoTime() - start) / 1e9;
            double cpuMsPerStep = (processCpuNanos() - cpuStart) / 1e6 / steps;

            int images = f.integer("images");
            int newIds = f.integer("new");
            int[][] cond = new int[images][];
            int[][] uncond = new int[images][];
            Arrays.fill(cond, prompt(layout, f.integer("prompt")));
            Arrays.fill(uncond, new int[] {layout.id(SpecialToken.GENERATE), layout.id(SpecialToken.BOI)});
            SamplingConfig sampling = SamplingConfig.images(7);
            Sampler sampler = new Sampler(sampling);
            Decoder.Rule rule = imageRule(layout);
            Decoder.continueAll(t, cond, newIds, rule, sampler, uncond, sampling.cfgScale());
            int runs = f.integer("gen-runs");
            start = System.nanoTime();
            for (int i = 0; i < runs; i++) {
                Decoder.continueAll(t, cond, newIds, rule, sampler, uncond, sampling.cfgScale());
            }
            double genSecs = (System.nanoTime() - start) / 1e9 / runs;

            out.put("side", "tessera");
            out.put("version", "DJL " + ai.djl.engine.Engine.getDjlVersion() + ", libtorch "
                    + ai.djl.engine.Engine.getEngine("PyTorch").getVersion());
            out.put("threads", threads);
            out.put("parameters", t.parameters().trainableCount());
            out.put("decayed", decayed(t.parameters()));
            out.put("vocab", layout.size());
            out.put("textIds", layout.textSize());
            out.put("imageIds", layout.imageSize());
            out.put("embedding", config.embedding().id());
            out.put("codeWidth", t.parameters().has("embed.codebook") ? t.parameters().get("embed.codebook").getShape().get(1)
                    : 0);
            out.put("width", shape.width());
            out.put("layers", shape.layers());
            out.put("heads", shape.heads());
            out.put("context", shape.context());
            out.put("batch", batch);
            out.put("seq", seq);
            out.put("steps", steps);
            out.put("firstLoss", first.loss());
            out.put("stepMs", 1000 * trainSecs / steps);
            out.put("cpuMsPerStep", cpuMsPerStep);
            out.put("tokensPerSecond", (double) batch * seq * steps / trainSecs);
            out.put("images", images);
            out.put("promptIds", cond[0].length);
            out.put("newIds", newIds);
            out.put("msPerImage", 1000 * genSecs / images);
            out.put("matmulGflops", gflops);
            out.put("gemm", dev.tessera.engine.runtime.MklCpuOverride.status().describe());
            out.put("openmpWaits", dev.tessera.engine.runtime.OpenMpWaits.status());
        }
        System.out.println(new ObjectMapper().writeValueAsString(out));
    }

    /** The reference's batch: ids by formula, the first {@code textTargets} targets text, the rest image. */
    static TaskBatch fixedBatch(int batch, int seq, int vocab, int textTargets) {
        long[] in = new long[batch * seq];
        long[] target = new long[batch * seq];
        float[] text = new float[batch * seq];
        float[] image = new float[batch * seq];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < seq; t++) {
                int i = b * seq + t;
                in[i] = (b * 31L + t * 17L + 5) % vocab;
                target[i] = (b * 13L + t * 29L + 3) % vocab;
                (t < textTargets ? text : image)[i] = 1f;
            }
        }
        return new TaskBatch(batch, seq, in, target, text, image, java.util.Collections.nCopies(batch, "caption"));
    }

    /** {@code <generate>}, {@code length - 2} text ids, {@code <boi>}: the reference's prompt. */
    static int[] prompt(VocabularyLayout layout, int length) {
        int[] p = new int[length];
        p[0] = layout.id(SpecialToken.GENERATE);
        for (int i = 1; i < length - 1; i++) {
            p[i] = layout.textStart() + ((i - 1) * 7) % layout.textSize();
        }
        p[length - 1] = layout.id(SpecialToken.BOI);
        return p;
    }

    /** As {@link UnifiedModel#generate}'s rule: only image ids of the step's level. */
    static Decoder.Rule imageRule(VocabularyLayout l) {
        return new Decoder.Rule() {
            @Override
            public int[] allowed(int step) {
                int lo = l.imageId(step % l.imageLevels(), 0);
                return new int[] {lo, lo + l.codebookSize()};
            }

            @Override
            public boolean stops(int id) {
                return false;
            }
        };
    }

    /** Trainable scalars AdamW decays: matrices except the position table (the reference's split). */
    static long decayed(ParameterSet p) {
        return p.names().stream().filter(p::isTrainable).map(p::get)
                .filter(a -> a.getShape().dimension() == 2 && !"embed.position".equals(a.getName()))
                .mapToLong(NDArray::size).sum();
    }

    /** CPU time of every thread of this JVM (libtorch's included), the reference's {@code time.process_time()}. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** fp32 1024 x 1024 @ 1024 x 1024, the same measurement as the reference's. */
    static double matmulGflops() {
        int n = 1024;
        int reps = 20;
        try (NDManager m = TesseraRuntime.newManager()) {
            TesseraRuntime.engine().setRandomSeed(7);
            NDArray a = m.randomNormal(new Shape(n, n));
            NDArray b = m.randomNormal(new Shape(n, n));
            for (int i = 0; i < 3; i++) {
                try (NDManager s = m.newSubManager()) {
                    a.tempAttach(s);
                    a.matMul(b);
                }
            }
            long start = System.nanoTime();
            for (int i = 0; i < reps; i++) {
                try (NDManager s = m.newSubManager()) {
                    a.tempAttach(s);
                    a.matMul(b);
                }
            }
            return 2.0 * n * n * n * reps / ((System.nanoTime() - start) / 1e9) / 1e9;
        }
    }
}
