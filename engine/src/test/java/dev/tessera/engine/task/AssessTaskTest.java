package dev.tessera.engine.task;

import dev.tessera.engine.tokenize.TokenGrid;
import dev.tessera.engine.vocab.SharedVocabulary;
import dev.tessera.engine.vocab.SpecialToken;
import dev.tessera.engine.vocab.VocabularyLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AssessTaskTest {

    private static final VocabularyLayout LAYOUT = new VocabularyLayout(DecompressTaskTest.TEXT.vocabSize(), 1, 5)
            .withTaskTags(List.of(AssessTask.TAG));
    private static final SharedVocabulary VOCAB = new SharedVocabulary(LAYOUT, DecompressTaskTest.TEXT, 3, 3);
    private static final SelfAssessment ALIGNED = new SelfAssessment("single-object", "a red circle",
            new int[] {0, 1, 2, 3, 4, 0, 1, 2, 3}, true, "yes, it shows a red circle", new int[] {4, 4, 4, 3, 3, 3, 2, 2, 2});
    private static final SelfAssessment WRONG = new SelfAssessment("single-object", "a blue square",
            new int[] {1, 1, 1, 1, 1, 1, 1, 1, 1}, false, "no, it shows a blue circle: a shape is wrong",
            new int[] {2, 3, 4, 2, 3, 4, 2, 3, 4});
    private static final SelfAssessmentPool POOL = new SelfAssessmentPool("m", "a", 3, 3, 1, 5, List.of(ALIGNED, WRONG), Map.of());

    private static TaskExample draw(Task task, SelfAssessment wanted) {
        TaskSequences sequences = new TaskSequences(VOCAB);
        int[] prompt = sequences.start(task).text(wanted.prompt()).prompt();
        for (long seed = 0; seed < 1000; seed++) {
            TaskExample ex = task.example(sequences, null, new SplittableRandom(seed));
            if (Arrays.equals(Arrays.copyOf(ex.ids(), prompt.length), prompt)) {
                return ex;
            }
        }
        throw new AssertionError("1000 draws never gave '" + wanted.prompt() + "'");
    }

    private static int[] ids(int[]... parts) {
        return TaskSequences.concat(parts);
    }

    private static int id(SpecialToken t) {
        return VOCAB.id(t);
    }

    @Test
    void anAlignedDrawingIsOneTurnItsAssessmentTheTarget() {
        AssessTask task = new AssessTask(() -> POOL);
        TaskExample ex = draw(task, ALIGNED);
        int[] prompt = ids(new int[] {LAYOUT.tagId(AssessTask.TAG)}, VOCAB.encodeText(ALIGNED.prompt()),
                new int[] {id(SpecialToken.BOI)}, VOCAB.encodeImage(POOL.grid(ALIGNED.drawn())), new int[] {id(SpecialToken.EOI)});
        int[] rationale = VOCAB.encodeText(ALIGNED.rationale());
        assertThat(ex.ids()).containsExactly(ids(prompt, rationale, new int[] {id(SpecialToken.EOS)}));
        assertThat(ex.targetStart()).isEqualTo(prompt.length);
        assertThat(ex.task()).isEqualTo(AssessTask.NAME);
        assertThat(VOCAB.decodeText(rationale)).isEqualTo(ALIGNED.rationale());
        assertThat(task.prompt(new TaskSequences(VOCAB), ALIGNED.prompt(), POOL.grid(ALIGNED.drawn()))).containsExactly(prompt);
    }

    @Test
    void aMisalignedDrawingIsFollowedByItsCorrectionTheRealImage() {
        TaskExample ex = draw(new AssessTask(() -> POOL), WRONG);
        int[] prompt = ids(new int[] {LAYOUT.tagId(AssessTask.TAG)}, VOCAB.encodeText(WRONG.prompt()),
                new int[] {id(SpecialToken.BOI)}, VOCAB.encodeImage(POOL.grid(WRONG.drawn())), new int[] {id(SpecialToken.EOI)});
        assertThat(ex.ids()).containsExactly(ids(prompt, VOCAB.encodeText(WRONG.rationale()),
                new int[] {id(SpecialToken.GENERATE), id(SpecialToken.BOI)}, VOCAB.encodeImage(POOL.grid(WRONG.real())),
                new int[] {id(SpecialToken.EOI)}));
        assertThat(ex.targetStart()).isEqualTo(prompt.length);
    }

    @Test
    void theComparisonArmTrainsThePromptsWithTheirRealImages() {
        RealPairsTask task = new RealPairsTask(() -> POOL);
        for (SelfAssessment a : List.of(ALIGNED, WRONG)) {
            TaskExample ex = draw(task, a);
            TaskExample plain = new TaskSequences(VOCAB).generate(a.prompt(), POOL.grid(a.real()));
            assertThat(ex.ids()).containsExactly(plain.ids());
            assertThat(ex.targetStart()).isEqualTo(plain.targetStart());
            assertThat(ex.task()).isEqualTo(RealPairsTask.NAME);
        }
    }

    @Test
    void bothTasksDrawFromTheWholePoolAndOnlyFromTheirRandomStream() {
        AssessTask task = new AssessTask(() -> POOL);
        TaskSequences sequences = new TaskSequences(VOCAB);
        assertThat(task.example(sequences, null, new SplittableRandom(5)).ids())
                .containsExactly(task.example(sequences, null, new SplittableRandom(5)).ids());
        RealPairsTask pairs = new RealPairsTask(() -> POOL);
        assertThat(pairs.example(sequences, null, new SplittableRandom(5)).ids())
                .containsExactly(pairs.example(sequences, null, new SplittableRandom(5)).ids());
        long aligned = LongStream.range(0, 200)
                .filter(s -> task.example(sequences, null, new SplittableRandom(s)).ids()[task.example(sequences, null,
                        new SplittableRandom(s)).ids().length - 1] == id(SpecialToken.EOS)).count();
        assertThat(aligned).isBetween(60L, 140L);
    }

    @Test
    void aPoolSurvivesItsFileAndRefusesImagesOfAnotherSize(@TempDir Path dir) {
        Path file = dir.resolve("pool.json.gz");
        POOL.write(file);
        SelfAssessmentPool back = SelfAssessmentPool.read(file);
        assertThat(back.items()).hasSize(2);
        assertThat(back.items().get(1).real()).containsExactly(WRONG.real());
        assertThat(back.grid(back.items().get(0).drawn())).isEqualTo(new TokenGrid(3, 3, ALIGNED.drawn(), 5));
        assertThat(back.alignedShare()).isEqualTo(0.5);
        assertThatThrownBy(() -> new SelfAssessmentPool("m", "a", 2, 2, 1, 5, List.of(ALIGNED), Map.of()))
                .hasMessageContaining("2x2x1");
        assertThatThrownBy(() -> SelfAssessmentPool.read(dir.resolve("none.json.gz"))).hasMessageContaining("self-assess");
    }

    @Test
    void theShippedPoolHoldsIllumesDrawingsOfEveryCategoryAssessedByTheAssessor() {
        SelfAssessmentPool shipped = SelfAssessmentPool.shipped();
        assertThat(shipped.model()).isEqualTo("illume-shapes32");
        assertThat(shipped.assessor()).isEqualTo("assessor-tokens32");
        assertThat(shipped.items()).hasSize(768);
        assertThat(shipped.items().stream().map(SelfAssessment::category).distinct()).hasSize(6);
        assertThat(shipped.items().stream().filter(SelfAssessment::aligned).count()).as("20.1%, as the README says")
                .isEqualTo(Math.round(0.201 * 768));
        assertThat(shipped.items().stream().map(SelfAssessment::prompt).distinct().count()).as("distinct prompts").isEqualTo(126);
        assertThat(shipped.items()).allSatisfy(a -> assertThat(a.rationale()).startsWith(a.aligned() ? "yes, it shows" : "no, it shows"));
        assertThat(shipped.provenance()).containsKeys("command", "agreementWithExaminer");
    }
}
