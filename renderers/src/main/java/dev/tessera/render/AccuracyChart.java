package dev.tessera.render;

import dev.tessera.engine.unified.EvaluationBoard;
import dev.tessera.engine.unified.ModelEvaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The accuracy of every model on every task of an {@link EvaluationBoard} as grouped bars: one
 * group per task, in the order asked, the models side by side within it in a colour each (the
 * legend names them), on a fixed 0-100% axis so boards compare by eye.
 */
final class AccuracyChart {

    private AccuracyChart() {
    }

    /** The chart as inline SVG. */
    static String svg(EvaluationBoard b) {
        return chart(b).svg();
    }

    /** The chart {@link #svg} draws, before export: columns task, model and accuracy (in percent). */
    static Chart chart(EvaluationBoard b) {
        List<String> task = new ArrayList<>();
        List<String> model = new ArrayList<>();
        List<Double> accuracy = new ArrayList<>();
        for (String t : b.tasks()) {
            for (ModelEvaluation m : b.models()) {
                task.add(t);
                model.add(m.model());
                accuracy.add(100 * m.accuracy().get(t));
            }
        }
        List<String> models = b.models().stream().map(ModelEvaluation::model).toList();
        List<String> colours = new ArrayList<>();
        for (int k = 0; k < models.size(); k++) {
            colours.add(Palette.series(k));
        }
        Map<String, List<?>> columns = new LinkedHashMap<>();
        columns.put("task", task);
        columns.put("model", model);
        columns.put("accuracy", accuracy);
        return Chart.of(columns)
                .map("x", "task").map("y", "accuracy").map("fill", "model")
                .layer("bar", Map.of("stat", "identity", "position", "dodge"))
                .scale("x", Map.of("limits", b.tasks()))
                .scale("fill", Map.of("name", "", "limits", models, "values", colours))
                .scale("y", Map.of("limits", List.of(0, 100)))
                .axisTitles("task", "accuracy (%)")
                .title("accuracy by task", b.scenes() + " held-out scenes")
                .theme(Map.of("legend_position", "top"))
                .size(Math.max(360, Math.min(900, 160 + 90 * task.size())), 300);
    }
}
