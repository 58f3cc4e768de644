package dev.tessera.engine.task;

import dev.tessera.engine.io.Json;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskMixTest {

    @Test
    void theFlatJsonOfEveryCheckpointReadsBackAndWritesTheSame() throws Exception {
        String old = "{\"caption\":1.0,\"generate\":1.0,\"answer\":1.0,\"promptDropout\":0.1}";
        TaskMix mix = Json.mapper().readValue(old, TaskMix.class);
        assertThat(mix).isEqualTo(TaskMix.balanced());
        assertThat(mix.names()).containsExactly("caption", "generate", "answer");
        TaskMix back = Json.mapper().readValue(Json.mapper().writeValueAsString(mix), TaskMix.class);
        assertThat(back).isEqualTo(mix);
        assertThat(back.names()).containsExactly("caption", "generate", "answer");
    }

    @Test
    void drawsFollowTheWeightsInOrderAndZeroWeightsAreNeverDrawn() {
        Map<String, Double> w = new LinkedHashMap<>();
        w.put("caption", 3.0);
        w.put("generate", 0.0);
        w.put("answer", 1.0);
        TaskMix mix = new TaskMix(w, 0.1);
        SplittableRandom rng = new SplittableRandom(5);
        int caption = 0;
        for (int i = 0; i < 4000; i++) {
            String t = mix.draw(rng);
            assertThat(t).isNotEqualTo("generate");
            caption += t.equals("caption") ? 1 : 0;
        }
        assertThat(caption / 4000.0).isBetween(0.72, 0.78);
    }

    @Test
    void mixesWithTheSameWeightsInAnotherOrderAreNotTheSameRecipe() {
        Map<String, Double> reversed = new LinkedHashMap<>();
        reversed.put("answer", 1.0);
        reversed.put("generate", 1.0);
        reversed.put("caption", 1.0);
        assertThat(new TaskMix(reversed, 0.1)).isNotEqualTo(TaskMix.balanced());
        assertThat(new TaskMix(1, 1, 1, 0.1)).isEqualTo(TaskMix.balanced()).hasSameHashCodeAs(TaskMix.balanced());
    }

    @Test
    void theGenerateTaskTakesTheMixesPromptDropout() {
        assertThat(new TaskMix(1, 1, 1, 0.25).task("generate")).isEqualTo(new GenerateTask(0.25));
        assertThat(TaskMix.balanced().task("caption")).isInstanceOf(CaptionTask.class);
    }

    @Test
    void badMixesAreRefused() {
        assertThatThrownBy(() -> new TaskMix(0, 0, 0, 0.1)).hasMessageContaining("positive sum");
        assertThatThrownBy(() -> new TaskMix(Map.of(), 0.1)).hasMessageContaining("at least one task");
        assertThatThrownBy(() -> new TaskMix(Map.of("caption", -1.0), 0.1)).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> Json.mapper().readValue("{\"caption\":\"lots\"}", TaskMix.class))
                .hasMessageContaining("must be a number");
    }

    @Test
    void registeringChecksNamesAndTagsAndKeepsTesserasOwnTasks() {
        assertThatThrownBy(() -> Tasks.register(new DistinctColoursTask() {
            @Override
            public String name() {
                return "caption";
            }
        })).hasMessageContaining("one of Tessera's own tasks");
        assertThatThrownBy(() -> Tasks.register(new DistinctColoursTask() {
            @Override
            public String tag() {
                return "colours";
            }
        })).hasMessageContaining("a tag is written <name>");
        assertThatThrownBy(() -> Tasks.get("juggle")).hasMessageContaining("unknown task 'juggle'");
        assertThat(Tasks.names()).startsWith("caption", "generate", "answer")
                .as("a Java task listed in META-INF/services is found without registering it").contains("count-colours");
        assertThatThrownBy(() -> Tasks.register(new DistinctColoursTask() {
            @Override
            public String tag() {
                return "<eos>";
            }
        })).hasMessageContaining("marks the structure of every sequence");
    }
}
