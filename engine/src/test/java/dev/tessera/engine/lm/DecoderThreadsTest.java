package dev.tessera.engine.lm;

import dev.tessera.engine.reliability.ChildJvm;
import dev.tessera.engine.runtime.IntraOpThreads;
import dev.tessera.engine.runtime.RuntimeSettings;
import dev.tessera.engine.vocab.VocabularyLayout;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class DecoderThreadsTest {

    /**
     * In a fresh two-thread engine, the decoder's one-token steps run on one thread for a batch of
     * at most {@link IntraOpThreads#SMALL_ROWS} rows and on both above it, and the count is two again
     * once decoding returns. The rule's {@code allowed} is asked inside the step loop, so it reads
     * the count the steps run with.
     */
    @Test
    void smallBatchesStepOnOneThreadAndTheCountComesBack() {
        List<String> out = ChildJvm.run(Decode.class, Map.of(RuntimeSettings.THREADS_ENV, "2"), 180);
        assertThat(out).contains("before=2", "small-steps=[1]", "small-after=2", "large-steps=[2]", "large-after=2");
    }

    /** Decodes 3 prompts with guidance (6 rows), then 40 (80 rows), printing the thread counts seen. */
    public static final class Decode {
        private static final VocabularyLayout FLAT = new VocabularyLayout(60, 1, 64);

        public static void main(String[] args) {
            System.out.println("before=" + IntraOpThreads.current());
            try (UnifiedTransformer t = UnifiedTransformer.create(new TransformerConfig(64, 2, 4, 48, 4), FLAT,
                    EmbeddingMode.JOINT_EMBEDDING, null, false, 3)) {
                for (var run : List.of(Map.entry("small", 3), Map.entry("large", 40))) {
                    TreeSet<Integer> seen = new TreeSet<>();
                    Decoder.Rule images = GenerationGoldenTest.imageRule(FLAT);
                    Decoder.Rule counting = new Decoder.Rule() {
                        @Override
                        public int[] allowed(int step) {
                            seen.add(IntraOpThreads.current());
                            return images.allowed(step);
                        }

                        @Override
                        public boolean stops(int id) {
                            return false;
                        }
                    };
                    int[][] prompts = new int[run.getValue()][];
                    int[][] uncond = new int[run.getValue()][];
                    Arrays.setAll(prompts, i -> GenerationGoldenTest.prompt(FLAT, 5 + i % 4, i));
                    Arrays.fill(uncond, GenerationGoldenTest.unconditional(FLAT));
                    Decoder.continueAll(t, prompts, 6, counting, new Sampler(new SamplingConfig(0.8, 8, 1.0, 3.0, 7)),
                            uncond, 3.0);
                    System.out.println(run.getKey() + "-steps=" + seen);
                    System.out.println(run.getKey() + "-after=" + IntraOpThreads.current());
                }
            }
        }
    }
}
