package dev.tessera.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.runtime.MklCpuOverride;
import dev.tessera.engine.runtime.RuntimeSettings;
import dev.tessera.engine.runtime.TesseraRuntime;
import dev.tessera.engine.tokenize.GridTokenizer;
import dev.tessera.engine.tokenize.TokenGrid;
import dev.tessera.engine.tokenize.TokenizerConfig;
import dev.tessera.engine.train.TokenizerTrainer;
import dev.tessera.engine.train.TokenizerTrainingConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tessera's side of {@link TokenizerComparison}, in a JVM of its own: a VQ or FSQ grid tokenizer
 * of the shipped 64 px shape (random weights: speed does not depend on training) encoding and
 * decoding held-out scenes at each batch size, images/s, and the real {@link TokenizerTrainer}'s
 * step at the shipped recipe's batch (per step after the first, which initialises the codes by
 * k-means), with the time it spends drawing its batch of scenes measured on its own. One JSON line.
 */
public final class TokenizerSpeed {

    static final Map<String, String> DEFAULTS = Map.of("threads", "1", "kind", "vq", "batches", "1,256", "images", "512",
            "train-steps", "10");

    private TokenizerSpeed() {
    }

    public static void main(String[] args) throws Exception {
        Flags f = Flags.parse(args, DEFAULTS);
        TesseraRuntime.configure(RuntimeSettings.fromEnvironment(System.getenv()).withThreads(f.integer("threads")));
        String kind = f.get("kind");
        TokenizerConfig config = switch (kind) {
            case "vq" -> TokenizerConfig.shapes64();
            case "fsq" -> TokenizerConfig.shapes64Fsq();
            default -> throw new IllegalArgumentException("--kind must be vq or fsq, got " + kind);
        };
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("side", "tessera");
        out.put("threads", f.integer("threads"));
        out.put("kind", kind);
        TesseraRuntime.engine();
        out.put("gemm", MklCpuOverride.status().describe());
        out.put("openmpWaits", dev.tessera.engine.runtime.OpenMpWaits.status());
        out.put("matmulGflops", UnifiedBench.matmulGflops());
        try (GridTokenizer t = GridTokenizer.create(kind, config, 1)) {
            out.put("parameters", t.model().getBlock().getParameters().values().stream()
                    .filter(p -> p.requiresGradient()).mapToLong(p -> p.getArray().size()).sum());
            for (int b : f.integers("batches")) {
                List<RgbImage> images = new SceneGenerator(SceneConfig.heldOut64()).scenes(0, b).stream()
                        .map(Scene::image).toList();
                List<TokenGrid> tokens = t.encode(images);
                int runs = Math.max(2, (f.integer("images") + b - 1) / b);
                out.put("encode" + b, perSecond(() -> t.encode(images), b, runs));
                out.put("decode" + b, perSecond(() -> t.decode(tokens), b, runs));
            }
        }
        int steps = f.integer("train-steps");
        TokenizerTrainingConfig recipe = TokenizerTrainingConfig.shapes64().withSteps(steps + 1).withQuantizerWarmup(0);
        List<Double> elapsed = new ArrayList<>();
        try (GridTokenizer fresh = GridTokenizer.create(kind, config, 7)) {
            new TokenizerTrainer(fresh, recipe, SceneConfig.scenes64(7)).listener(p -> elapsed.add(p.elapsedSeconds())).run();
        }
        out.put("trainStepMs", 1000 * (elapsed.get(elapsed.size() - 1) - elapsed.get(0)) / steps);
        out.put("trainBatch", recipe.batchSize());
        SceneGenerator scenes = new SceneGenerator(SceneConfig.scenes64(7));
        scenes.scenes(0, recipe.batchSize());
        long start = System.nanoTime();
        for (int i = 1; i <= steps; i++) {
            scenes.scenes((long) i * recipe.batchSize(), recipe.batchSize());
        }
        out.put("drawScenesMs", (System.nanoTime() - start) / 1e6 / steps);
        System.out.println(new ObjectMapper().writeValueAsString(out));
    }

    private static double perSecond(Runnable op, int items, int runs) {
        op.run();
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            op.run();
        }
        return (double) items * runs / ((System.nanoTime() - start) / 1e9);
    }
}
