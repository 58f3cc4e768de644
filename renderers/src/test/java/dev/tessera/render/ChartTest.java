package dev.tessera.render;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChartTest {

    @Test
    void theSpecIsLetsPlotsRawFormat() {
        Map<String, Object> spec = Chart.of(Map.of("step", List.of(1, 2, 3), "loss", List.of(3.0, 2.0, 1.5)))
                .map("x", "step").map("y", "loss")
                .layer("line", Map.of("color", "#4c72b0"))
                .axisTitles("step", "loss").title("training loss").size(320, 200)
                .spec();
        assertThat(spec).containsEntry("kind", "plot")
                .containsEntry("mapping", Map.of("x", "step", "y", "loss"))
                .containsEntry("layers", List.of(Map.of("geom", "line", "sampling", "none", "color", "#4c72b0")))
                .containsEntry("scales", List.of(Map.of("aesthetic", "x", "name", "step"), Map.of("aesthetic", "y", "name", "loss")))
                .containsEntry("ggtitle", Map.of("text", "training loss"))
                .containsEntry("ggsize", Map.of("width", 320, "height", 200));
    }

    @Test
    void aLineChartExportsAsSvgOfTheAskedSize() {
        String svg = Chart.of(Map.of("step", List.of(1, 2, 3), "loss", List.of(3.0, 2.0, 1.5)))
                .map("x", "step").map("y", "loss").layer("line", Map.of()).size(320, 200).svg();
        assertThat(svg).startsWith("<svg").contains("width=\"320.0\" height=\"200.0\"").doesNotContain("<script");
    }

    @Test
    void verticalRulesNeedALabelEachAndNoRulesAddNoLayer() {
        Chart chart = Chart.of(Map.of("step", List.of(1, 2))).map("x", "step").verticalRules(List.of(), List.of(), 1, "#000000");
        assertThat(chart.spec().get("layers")).asList().isEmpty();
        assertThatThrownBy(() -> chart.verticalRules(List.of(1, 2), List.of("one"), 1, "#000000"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 rules but 1 labels");
    }

    @Test
    void columnsOfDifferentLengthsAreRejected() {
        assertThatThrownBy(() -> Chart.of(Map.of("a", List.of(1, 2), "b", List.of(1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differ in length");
    }

    @Test
    void anUnknownColumnIsRejectedWithTheKnownOnes() {
        assertThatThrownBy(() -> Chart.of(Map.of("step", List.of(1))).map("x", "epoch"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("epoch").hasMessageContaining("step");
    }
}
