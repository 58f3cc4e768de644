package dev.tessera.bench;

import ai.djl.pytorch.jni.JniUtils;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tessera.engine.lm.Decoder;
import dev.tessera.engine.lm.Sampler;
import dev.tessera.engine.lm.SamplingConfig;
import dev.tessera.engine.lm.TransformerConfig;
import dev.tessera.engine.runtime.RuntimeSettings;
import dev.tessera.engine.runtime.TesseraRuntime;
import dev.tessera.engine.unified.UnifiedConfig;
import dev.tessera.engine.unified.UnifiedModel;
import dev.tessera.engine.vocab.SpecialToken;
import dev.tessera.engine.vocab.VocabularyLayout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * How many libtorch operations one generated token costs: runs {@link UnifiedBench}'s generation
 * (same model, prompts and guidance) once under libtorch's own profiler and counts the
 * operations called from Java (top-level ones; the ones they call inside libtorch are not
 * counted), per decoding step of the whole batch. Every one of them is a trip through DJL's
 * native interface plus a tensor to free. {@code java -cp bench/target/tessera-bench.jar
 * dev.tessera.bench.GenerationCalls [--new 64]}
 */
public final class GenerationCalls {

    private GenerationCalls() {
    }

    public static void main(String[] args) throws Exception {
        Flags f = Flags.parse(args, UnifiedBench.DEFAULTS);
        TesseraRuntime.configure(RuntimeSettings.fromEnvironment(System.getenv()).withThreads(1));
        TransformerConfig shape = new TransformerConfig(f.integer("width"), f.integer("layers"), f.integer("heads"),
                TransformerConfig.small().context(), TransformerConfig.small().mlpRatio());
        UnifiedConfig config = UnifiedConfig.small().withTransformer(shape);
        try (UnifiedModel model = UnifiedModel.create(config, 1)) {
            VocabularyLayout layout = model.transformer().layout();
            int images = f.integer("images");
            int steps = f.integer("new");
            int[][] cond = new int[images][];
            int[][] uncond = new int[images][];
            Arrays.fill(cond, UnifiedBench.prompt(layout, f.integer("prompt")));
            Arrays.fill(uncond, new int[] {layout.id(SpecialToken.GENERATE), layout.id(SpecialToken.BOI)});
            SamplingConfig sampling = SamplingConfig.images(7);
            Decoder.Rule rule = UnifiedBench.imageRule(layout);
            Decoder.continueAll(model.transformer(), cond, steps, rule, new Sampler(sampling), uncond, sampling.cfgScale());
            Path trace = Files.createTempFile("tessera-generation", ".json");
            try {
                JniUtils.startProfile(false, false, false);
                Decoder.continueAll(model.transformer(), cond, steps, rule, new Sampler(sampling), uncond, sampling.cfgScale());
                JniUtils.stopProfile(trace.toString());
                Map<String, Integer> calls = ChromeTrace.read(new ObjectMapper().readTree(trace.toFile())).topLevelCounts();
                int total = calls.values().stream().mapToInt(Integer::intValue).sum();
                System.out.printf("libtorch operations called from Java per decoding step (batch of %d rows, %d steps, the prompt "
                        + "pass included): %.1f%n", 2 * images, steps, (double) total / steps);
                calls.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                        .forEach(e -> System.out.printf("  %7.2f  %s%n", (double) e.getValue() / steps, e.getKey()));
            } finally {
                Files.deleteIfExists(trace);
            }
        }
    }
}
