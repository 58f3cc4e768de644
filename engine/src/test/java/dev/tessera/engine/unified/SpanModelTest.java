package dev.tessera.engine.unified;

import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.lm.EmbeddingMode;
import dev.tessera.engine.lm.LossWeighting;
import dev.tessera.engine.lm.SamplingConfig;
import dev.tessera.engine.task.TaskMix;
import dev.tessera.engine.tokenize.ImageTokens;
import dev.tessera.engine.tokenize.TokenSet;
import dev.tessera.engine.train.StepLoss;
import dev.tessera.engine.vocab.Segment;
import dev.tessera.engine.vocab.SpecialToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A unified model over SeTok spans (setok-shapes32): it reads spans, learns to caption over them, and never writes one. */
class SpanModelTest {

    private static final UnifiedTrainingConfig READING = new UnifiedTrainingConfig(30, 8, 3e-3, 4, 0.0, 1.0, 5, 0,
            TaskMix.of("caption", "answer"), LossWeighting.TOKEN);

    @Test
    void anImageIsASpanOfACodeAndACentrePerTokenInsideBoiAndEoi() {
        try (UnifiedModel model = UnifiedModel.create(UnifiedConfig.tinySetok(), 1)) {
            assertThat(model.readsSpans()).isTrue();
            assertThat(model.vocabulary().layout().imageLevels()).isEqualTo(2);
            List<RgbImage> pictures = heldOut(model, 8);
            List<? extends ImageTokens> tokens = model.encodeImages(pictures);
            for (ImageTokens t : tokens) {
                TokenSet set = (TokenSet) t;
                int[] prompt = model.tasks().captionPrompt(set);
                // task tag, <boi>, a code and a centre per token, <eoi>, <caption>-less text start: count the span itself
                assertThat(model.imageIds(set)).isEqualTo(2 + 2 * set.count());
                assertThat(model.imageIds(set)).isLessThan(33);  // under half of a 64-id grid image's 66
                int boi = indexOf(prompt, model.vocabulary().id(SpecialToken.BOI));
                int eoi = indexOf(prompt, model.vocabulary().id(SpecialToken.EOI));
                assertThat(eoi - boi + 1).isEqualTo(model.imageIds(set));
            }
        }
    }

    @Test
    void captioningOverSpansLearnsAndARunSavedAndLoadedCaptionsTheSame(@TempDir Path dir) {
        List<StepLoss> h;
        List<String> before;
        try (UnifiedModel model = UnifiedModel.create(UnifiedConfig.tinySetok(), 3);
             UnifiedTrainer t = new UnifiedTrainer(model, READING)) {
            UnifiedTrainingResult r = t.checkpointTo(dir.resolve("run"), Map.of("test", true)).run();
            assertThat(r.skippedSteps()).isZero();
            h = r.history();
            before = model.caption(heldOut(model, 4)).stream().map(Caption::text).toList();
        }
        double first = h.subList(0, 5).stream().mapToDouble(StepLoss::loss).average().orElseThrow();
        double last = h.subList(h.size() - 5, h.size()).stream().mapToDouble(StepLoss::loss).average().orElseThrow();
        assertThat(last).as("mean loss of the last 5 steps against the first 5").isLessThan(first - 0.5);
        assertThat(h.get(h.size() - 1).textNll()).isLessThan(h.get(0).textNll());
        UnifiedCheckpoint.Loaded loaded = UnifiedCheckpoint.load(dir.resolve("run"));
        try (UnifiedModel model = loaded.model()) {
            assertThat(model.readsSpans()).isTrue();
            List<RgbImage> pictures = heldOut(model, 4);
            List<Caption> captions = model.caption(pictures);
            assertThat(captions.stream().map(Caption::text).toList()).isEqualTo(before);
            // the sequence strip gets the tokenizer's own clusters back, not a nearest-centre guess
            List<? extends ImageTokens> truth = model.encodeImages(pictures);
            for (int i = 0; i < captions.size(); i++) {
                List<Segment.Span> spans = captions.get(i).sequence().spans();
                assertThat(spans).hasSize(1);
                assertThat(spans.get(0).complete()).isTrue();
                assertThat(spans.get(0).tokens().assignment()).isEqualTo(((TokenSet) truth.get(i)).assignment());
            }
        }
    }

    @Test
    void writingOrEditingImagesIsRefusedWithTheReason() {
        try (UnifiedModel model = UnifiedModel.create(UnifiedConfig.tinySetok(), 1)) {
            assertThatThrownBy(() -> model.generate("a red circle", 1, SamplingConfig.images(1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reads SeTok spans")
                    .hasMessageContaining("does not write");
            assertThatThrownBy(() -> new UnifiedTrainer(model, READING.withMix(TaskMix.balanced())))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SeTok span")
                    .hasMessageContaining("caption, answer");
        }
    }

    @Test
    void editingAndTheOtherImageWritingTasksAreRefusedTooSayingWhy() {
        try (UnifiedModel model = UnifiedModel.create(UnifiedConfig.tinySetok(), 1)) {
            RgbImage picture = heldOut(model, 1).get(0);
            assertThatThrownBy(() -> ImageEditor.edit(model, picture, "make the circle blue", SamplingConfig.greedy()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reads SeTok spans");
            for (String task : List.of("generate", "regenerate", "decompress", "edit")) {
                TaskMix mix = TaskMix.of("caption", task);
                // as a curriculum stage does: bind the mix's task tags first
                UnifiedModel tagged = model.withTaskTags(List.of(mix.task(task).tag()));
                assertThatThrownBy(() -> new UnifiedTrainer(tagged, READING.withMix(mix)))
                        .as(task).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SeTok span");
            }
        }
    }

    @Test
    void aSpanModelIsAskedTheSameHeldOutQuestionsAsAGridModel() {
        // the evaluation's held-out NLL draws from the questions' random stream: a span model, which
        // has no text-to-image example, must draw as much, or from the second batch on it is asked others
        try (UnifiedModel spans = UnifiedModel.create(UnifiedConfig.tinySetok(), 1);
             UnifiedModel grid = UnifiedModel.create(UnifiedConfig.tiny(), 1)) {
            List<String> asked = UnifiedEvaluation.score(spans, 130, 130).answers().stream()
                    .map(a -> a.answer().question()).toList();
            assertThat(asked).hasSize(130).isEqualTo(UnifiedEvaluation.score(grid, 130, 130).answers().stream()
                    .map(a -> a.answer().question()).toList());
        }
    }

    @Test
    void measuringASpanModelCountsItsIdsAndSkipsWhatItCannotDo() {
        try (UnifiedModel model = UnifiedModel.create(UnifiedConfig.tinySetok(), 1)) {
            dev.tessera.engine.ablation.ArmMetrics m = dev.tessera.engine.ablation.ArmMetrics.measure(model,
                    new dev.tessera.engine.ablation.ArmMetrics.Budget(16, 2, 1));
            double expected = model.encodeImages(heldOut(model, 16)).stream().mapToInt(t -> 2 + 2 * t.count())
                    .average().orElseThrow();
            assertThat(m.imageIds()).isEqualTo(expected);
            assertThat(m.maxImageIds()).isLessThanOrEqualTo(32).isGreaterThanOrEqualTo(m.imageIds());
            assertThat(m.imageNll()).isNaN();
            assertThat(m.judgedTextToImage()).as("text-to-image skipped though samples were asked").isNaN();
            assertThat(m.textNll()).isFinite();
            assertThat(m.captionParts()).containsOnlyKeys("count", "colours", "shapes");
            assertThat(m.answerByTemplate()).isNotEmpty();
        }
    }

    @Test
    void aUnifiedCodebookOrStackingOverSpansIsRefused() {
        assertThatThrownBy(() -> UnifiedModel.create(UnifiedConfig.tinySetok().withEmbedding(EmbeddingMode.UNIFIED_CODEBOOK,
                false), 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("joint embedding");
        assertThatThrownBy(() -> UnifiedModel.create(UnifiedConfig.tinySetok().withStacking(
                dev.tessera.engine.lm.ImageStacking.stacked()), 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stacking");
    }

    @Test
    void theGridModelCountsSixtySixIdsAnImage() {
        try (UnifiedModel model = UnifiedModel.create(UnifiedConfig.tiny(), 1)) {
            assertThat(model.readsSpans()).isFalse();
            for (ImageTokens t : model.encodeImages(heldOut(model, 2))) {
                assertThat(model.imageIds(t)).isEqualTo(66);
            }
        }
    }

    private static List<RgbImage> heldOut(UnifiedModel model, int n) {
        return new SceneGenerator(model.scenes(SceneConfig.HELD_OUT_SEED)).scenes(0, n).stream().map(Scene::image).toList();
    }

    private static int indexOf(int[] ids, int id) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == id) {
                return i;
            }
        }
        throw new AssertionError("id " + id + " not in the prompt");
    }
}
