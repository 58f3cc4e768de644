package dev.tessera.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.runtime.MklCpuOverride;
import dev.tessera.engine.runtime.OpenMpWaits;
import dev.tessera.engine.runtime.RuntimeSettings;
import dev.tessera.engine.runtime.TesseraRuntime;
import dev.tessera.engine.tokenize.GridTokenizer;
import dev.tessera.engine.tokenize.TokenGrid;
import dev.tessera.engine.tokenize.TokenizerConfig;
import dev.tessera.engine.train.TokenizerTrainer;
import dev.tessera.engine.train.TokenizerTrainingConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An operator-level profile of an image tokenizer on one thread or more ({@code --threads}), both sides under their own
 * libtorch profiler: encode and decode per image at batch 1 (64 single images) and 256 (in
 * passes of 16, as {@link GridTokenizer} runs it), and the training step (Tessera's real trainer,
 * scene drawing included; the reference on a fixed batch), against {@code tokenizer_reference.py
 * --profile} with the same model. Writes a markdown file with one table per workload.
 * {@code java -cp bench/target/tessera-bench.jar dev.tessera.bench.TokenizerProfile [--kind vq] [--threads 1] [--out FILE]}
 * (above one thread the reference runs with its OpenMP threads sleeping, as Tessera's do)
 */
public final class TokenizerProfile {

    private TokenizerProfile() {
    }

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("kind", "vq");
        d.put("threads", "1");
        d.put("train-steps", "5");
        d.put("python", "/usr/bin/python3");
        d.put("reference", "bench/reference/tokenizer_reference.py");
        d.put("out", "bench/results/tokenizer-profile.md");
        return d;
    }

    public static void main(String[] args) throws Exception {
        Flags f = Flags.parse(args, defaults());
        int threads = f.integer("threads");
        TesseraRuntime.configure(RuntimeSettings.fromEnvironment(System.getenv()).withThreads(threads));
        String kind = f.get("kind");
        TokenizerConfig config = switch (kind) {
            case "vq" -> TokenizerConfig.shapes64();
            case "fsq" -> TokenizerConfig.shapes64Fsq();
            default -> throw new IllegalArgumentException("--kind must be vq or fsq, got " + kind);
        };
        ObjectNode tessera = new ObjectMapper().createObjectNode();
        try (GridTokenizer t = GridTokenizer.create(kind, config, 1)) {
            for (int[] batchAndRuns : new int[][] {{1, 64}, {256, 1}}) {
                int b = batchAndRuns[0];
                int runs = batchAndRuns[1];
                List<RgbImage> images = new SceneGenerator(SceneConfig.heldOut64()).scenes(0, b).stream().map(Scene::image)
                        .toList();
                List<TokenGrid> tokens = t.encode(images);
                t.decode(tokens);
                tessera.set("encode" + b, ChromeTrace.profile(b * runs, () -> {
                    for (int r = 0; r < runs; r++) {
                        t.encode(images);
                    }
                }));
                tessera.set("decode" + b, ChromeTrace.profile(b * runs, () -> {
                    for (int r = 0; r < runs; r++) {
                        t.decode(tokens);
                    }
                }));
            }
        }
        int steps = f.integer("train-steps");
        TokenizerTrainingConfig recipe = TokenizerTrainingConfig.shapes64().withQuantizerWarmup(0);
        try (GridTokenizer fresh = GridTokenizer.create(kind, config, 7)) {
            // from the end of the first step, which also initialises the codebook from the data (k-means)
            ChromeTrace.Recording[] recording = {null};
            new TokenizerTrainer(fresh, recipe.withSteps(steps + 1), SceneConfig.scenes64(7)).listener(p -> {
                if (p.step() == 1) {
                    recording[0] = ChromeTrace.Recording.start();
                }
            }).run();
            tessera.set("train", recording[0].finish(steps));
        }
        JsonNode pytorch = UnifiedComparison.run(List.of(f.get("python"), f.get("reference"), "--threads", Integer.toString(threads),
                "--kind", kind, "--train-steps", Integer.toString(steps), "--profile"), threads,
                threads > 1 ? Map.of("OMP_WAIT_POLICY", "PASSIVE") : Map.of(), UnifiedComparison.REFERENCE_UNSET);

        StringBuilder s = new StringBuilder("# Image tokenizer (" + kind + "), operator by operator, " + threads
                + (threads == 1 ? " thread" : " threads") + "\n\n");
        Machine.current().describe().forEach(line -> s.append("- ").append(line).append('\n'));
        s.append("- sources: ").append(System.getProperty("bench.source", "unknown")).append('\n');
        s.append("- load average (1/5/15 min) at end: ").append(Machine.loadAverage()).append('\n');
        s.append("- Tessera: matrix products: ").append(MklCpuOverride.status().describe()).append("; OpenMP waits: ")
                .append(OpenMpWaits.status()).append('\n');
        s.append("- reference: tokenizer_reference.py --profile, without ")
                .append(String.join(", ", UnifiedComparison.REFERENCE_UNSET)).append('\n');
        s.append("- self time = an operation's time less the operations it called; Tessera's training step is its real "
                + "trainer's (one fresh run, " + steps + " steps after its first, which also initialises the codebook; scene drawing and code counts included), the reference's a "
                + "fixed batch\n\n");
        List<String[]> workloads = new ArrayList<>(List.of(new String[] {"encode1", "Encode, batch 1", "image"},
                new String[] {"decode1", "Decode, batch 1", "image"}, new String[] {"encode256", "Encode, batch 256", "image"},
                new String[] {"decode256", "Decode, batch 256", "image"}, new String[] {"train", "Training step, batch 32", "step"}));
        for (String[] w : workloads) {
            double min = w[2].equals("step") ? 2.0 : 0.05;
            s.append(ProfileTable.section(w[1], w[2], tessera.path(w[0]), pytorch.path(w[0]), min));
        }
        String table = s.toString();
        System.out.print(table);
        Path out = Path.of(f.get("out"));
        Files.writeString(out, table);
        System.out.println(String.format(Locale.ROOT, "%nwritten to %s", out));
    }
}
