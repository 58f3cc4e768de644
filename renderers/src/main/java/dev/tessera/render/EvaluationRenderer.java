package dev.tessera.render;

import dev.tessera.engine.task.CaptionTask;
import dev.tessera.engine.task.GenerateTask;
import dev.tessera.engine.unified.EvaluationBoard;
import dev.tessera.engine.unified.ModelEvaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An evaluation dashboard (what {@code %tessera evaluate} returns): a table with one row per
 * model (its accuracy on each task, held-out text and image NLL, time taken), the
 * {@link AccuracyChart} with the models side by side, then each model's
 * {@link EvaluationSamples} (the first model's open, the others folded away).
 */
final class EvaluationRenderer implements Renderer<EvaluationBoard> {

    @Override
    public Class<EvaluationBoard> type() {
        return EvaluationBoard.class;
    }

    @Override
    public Map<String, String> render(EvaluationBoard b) {
        StringBuilder html = new StringBuilder("<div class=\"tessera-evaluation\" style=\"font-family:sans-serif;"
                + "font-size:13px\"><div style=\"font-size:15px;font-weight:600;margin-bottom:4px\">")
                .append(Html.escape(headline(b))).append("</div>").append(table(b))
                .append("<div style=\"margin:12px 0 4px\">").append(AccuracyChart.svg(b)).append("</div>");
        for (int k = 0; k < b.models().size(); k++) {
            ModelEvaluation m = b.models().get(k);
            String samples = EvaluationSamples.of(m);
            if (!samples.isEmpty()) {
                html.append("<details").append(k == 0 ? " open" : "").append("><summary style=\"cursor:pointer;"
                        + "font-weight:600;margin-top:8px\">what ").append(Html.escape(m.model())).append(" wrote")
                        .append(m.generated().isEmpty() ? "" : " and drew").append("</summary>").append(samples)
                        .append("</details>");
            }
        }
        return Html.bundle(html.append("</div>").toString(), b.toString());
    }

    /** "2 models · 64 held-out scenes · caption, answer". */
    static String headline(EvaluationBoard b) {
        int n = b.models().size();
        return n + (n == 1 ? " model" : " models") + " · " + b.scenes() + " held-out scenes · " + String.join(", ", b.tasks());
    }

    /** The column header of a task: its name, and what its accuracy counts on a second line. */
    static String header(String task) {
        String what = switch (task) {
            case CaptionTask.NAME -> "attributes right";
            case GenerateTask.NAME -> "judged right";
            default -> "answers exact";
        };
        return Html.escape(task) + "<div style=\"font-weight:400;color:#6e6e6e\">" + what + "</div>";
    }

    static String table(EvaluationBoard b) {
        List<String> head = new ArrayList<>(List.of("model"));
        b.tasks().forEach(t -> head.add(header(t)));
        head.addAll(List.of("text NLL", "image NLL", "time"));
        List<List<String>> rows = new ArrayList<>();
        for (ModelEvaluation m : b.models()) {
            List<String> row = new ArrayList<>(List.of("<b>" + Html.escape(m.model()) + "</b>"));
            b.tasks().forEach(t -> row.add(Html.percentCell(m.accuracy().get(t), Palette.SCORE)));
            row.addAll(List.of(Format.loss(m.textNll()), Format.loss(m.imageNll()), Format.duration(m.seconds())));
            rows.add(row);
        }
        return Html.table("tessera-evaluation-table", head, rows);
    }
}
