package dev.tessera.engine.lm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tessera.engine.cli.RecordedLossesTest;
import dev.tessera.engine.reliability.ChildJvm;
import dev.tessera.engine.vocab.SpecialToken;
import dev.tessera.engine.vocab.VocabularyLayout;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generation gives the same ids, from the same weights and seed, as it did before the decoding
 * loop was made faster (cached input table, preallocated keys and values, top-k by selection):
 * the ids in {@code golden/generation-ids.json} were written by the plain loop (the test as
 * committed before the change, run with {@code -Dtessera.golden.record=true}). Covers flat decoding with guidance and left padding,
 * greedy decoding over UniCode's tied codebook, and stacked decoding through the depth decoder.
 */
class GenerationGoldenTest {

    private static final String RESOURCE = "/golden/generation-ids.json";
    private static final VocabularyLayout FLAT = new VocabularyLayout(60, 1, 64);
    private static final VocabularyLayout STACKED = new VocabularyLayout(60, 2, 32);
    private static final TransformerConfig SHAPE = new TransformerConfig(64, 2, 4, 48, 4);

    /**
     * Runs in a fresh JVM with the environment that pins libtorch's arithmetic
     * ({@link RecordedLossesTest#PINNED}: one thread, AVX2 kernels, oneMKL's conditional
     * reproducibility, no AVX-512 override), so the ids do not depend on which CPU of this kind
     * runs the test; the recording was made the same way.
     */
    @Test
    void generatedIdsAreThoseOfThePlainDecodingLoop() throws IOException {
        Map<String, String> env = new java.util.HashMap<>(RecordedLossesTest.PINNED);
        env.put("TESSERA_AVX512_GEMM", "off");
        String printed = String.join("\n", ChildJvm.run(Print.class, env, 300));
        ObjectMapper json = new ObjectMapper();
        var now = json.readTree(printed.substring(printed.indexOf('{')));
        if (Boolean.getBoolean("tessera.golden.record")) {
            Files.writeString(Path.of("src/test/resources" + RESOURCE), json.writerWithDefaultPrettyPrinter().writeValueAsString(now) + "\n");
        }
        try (InputStream in = GenerationGoldenTest.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as("the recorded ids " + RESOURCE).isNotNull();
            var golden = json.readTree(in);
            for (String name : List.of("flat-joint-guided-sampled", "flat-codebook-greedy", "stacked-guided-sampled")) {
                assertThat(json.treeToValue(now.get(name), int[][].class)).as(name)
                        .isDeepEqualTo(json.treeToValue(golden.get(name), int[][].class));
            }
        }
    }

    /** Prints the three generations' ids as one JSON object. */
    public static final class Print {
        public static void main(String[] args) throws IOException {
            ObjectMapper json = new ObjectMapper();
            ObjectNode out = json.createObjectNode();
            out.set("flat-joint-guided-sampled", json.valueToTree(flatGuidedSampled()));
            out.set("flat-codebook-greedy", json.valueToTree(flatCodebookGreedy()));
            out.set("stacked-guided-sampled", json.valueToTree(stackedGuidedSampled()));
            System.out.println(json.writeValueAsString(out));
        }
    }

    private static int[][] flatGuidedSampled() {
        try (UnifiedTransformer t = UnifiedTransformer.create(SHAPE, FLAT, EmbeddingMode.JOINT_EMBEDDING, null, false, 3)) {
            int[][] prompts = {prompt(FLAT, 9, 1), prompt(FLAT, 5, 2), prompt(FLAT, 12, 3)};
            int[][] uncond = {unconditional(FLAT), unconditional(FLAT), unconditional(FLAT)};
            return Decoder.continueAll(t, prompts, 24, imageRule(FLAT), new Sampler(new SamplingConfig(0.8, 8, 1.0, 3.0, 7)),
                    uncond, 3.0);
        }
    }

    private static int[][] flatCodebookGreedy() {
        float[][] codebook = new float[FLAT.imageSize()][8];
        for (int i = 0; i < codebook.length; i++) {
            for (int j = 0; j < codebook[i].length; j++) {
                codebook[i][j] = (float) Math.sin(i * 7 + j * 3);
            }
        }
        try (UnifiedTransformer t = UnifiedTransformer.create(SHAPE, FLAT, EmbeddingMode.UNIFIED_CODEBOOK, codebook, false, 5)) {
            int[][] prompts = {prompt(FLAT, 7, 4), prompt(FLAT, 14, 5)};
            return Decoder.continueAll(t, prompts, 30, imageRule(FLAT), new Sampler(SamplingConfig.greedy()), null, 1.0);
        }
    }

    private static int[][] stackedGuidedSampled() {
        try (UnifiedTransformer t = UnifiedTransformer.create(SHAPE, STACKED, EmbeddingMode.JOINT_EMBEDDING,
                ImageStacking.stacked(), null, false, 9)) {
            int[][] prompts = {prompt(STACKED, 8, 6), prompt(STACKED, 11, 7)};
            int[][] uncond = {unconditional(STACKED), unconditional(STACKED)};
            return StackedDecoder.images(t, prompts, 12, new Sampler(new SamplingConfig(1.0, 16, 0.9, 2.0, 11)), uncond, 2.0);
        }
    }

    /** {@code <generate>}, {@code length - 2} text ids by formula, {@code <boi>}. */
    static int[] prompt(VocabularyLayout l, int length, int salt) {
        int[] p = new int[length];
        p[0] = l.id(SpecialToken.GENERATE);
        for (int i = 1; i < length - 1; i++) {
            p[i] = l.textStart() + (i * 11 + salt * 5) % (l.imageStart() - l.textStart());
        }
        p[length - 1] = l.id(SpecialToken.BOI);
        return p;
    }

    static int[] unconditional(VocabularyLayout l) {
        return new int[] {l.id(SpecialToken.GENERATE), l.id(SpecialToken.BOI)};
    }

    static Decoder.Rule imageRule(VocabularyLayout l) {
        return new Decoder.Rule() {
            @Override
            public int[] allowed(int step) {
                return new int[] {l.imageStart(), l.imageStart() + l.imageSize()};
            }

            @Override
            public boolean stops(int id) {
                return false;
            }
        };
    }
}
