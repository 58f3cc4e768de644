package dev.tessera.render;

import dev.tessera.engine.curriculum.Curriculum;
import dev.tessera.engine.unified.CodebookAlignment;
import dev.tessera.engine.curriculum.Stage;
import dev.tessera.engine.task.GenerateTask;
import dev.tessera.engine.task.TaskMix;
import dev.tessera.engine.unified.UnifiedTrainingConfig;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A curriculum before it runs (what {@code %tessera curriculum NAME} returns): its description, a
 * timeline with one segment per stage as wide as its share of the steps, and a table of every
 * stage's recipe (where it starts, its tasks and their weights, the weights it trains, steps,
 * batch, learning rate, warm-up, loss weighting, seed), so what each stage changes is plain
 * before the compute is spent.
 */
final class CurriculumRenderer implements Renderer<Curriculum> {

    static final List<String> HEADER = List.of("#", "stage", "start", "tasks (weight)", "trains", "steps", "batch", "lr",
            "warm-up", "weighting", "seed");
    private static final int WIDTH = 640;
    /** A line cut short with an ellipsis where its timeline segment ends. */
    private static final String CLIP = "overflow:hidden;text-overflow:ellipsis";

    @Override
    public Class<Curriculum> type() {
        return Curriculum.class;
    }

    @Override
    public Map<String, String> render(Curriculum c) {
        StringBuilder html = new StringBuilder("<div class=\"tessera-curriculum\" style=\"font-family:sans-serif;font-size:13px\">"
                + "<div style=\"font-size:15px;font-weight:600\">").append(Html.escape(headline(c))).append("</div>");
        if (!c.description().isBlank()) {
            html.append("<div style=\"max-width:").append(WIDTH).append("px;margin:4px 0\">").append(Html.escape(c.description()))
                    .append("</div>");
        }
        if (c.guard() != null) {
            html.append("<div style=\"margin:4px 0\">").append(Html.escape(guard(c))).append("</div>");
        }
        List<List<String>> rows = new ArrayList<>();
        for (int k = 0; k < c.stages().size(); k++) {
            Stage s = c.stages().get(k);
            UnifiedTrainingConfig t = s.training();
            rows.add(List.of(String.valueOf(k + 1), Html.escape(s.name()), Html.escape(s.start()), tasksCell(t.mix()),
                    Html.escape(trains(t)), Format.whole((double) t.steps()), String.valueOf(t.batchSize()),
                    Format.number(t.learningRate()), String.valueOf(t.warmupSteps()), t.weighting().id(),
                    String.valueOf(t.seed())));
        }
        html.append(timeline(c)).append(Html.table("tessera-curriculum-stages", HEADER, rows)).append("</div>");
        return Html.bundle(html.toString(), plain(c));
    }

    /** "curriculum scenes · model small · 2 stages · 11,000 steps". */
    static String headline(Curriculum c) {
        int n = c.stages().size();
        return "curriculum " + c.name() + " · model " + c.model() + " · " + n + " stage" + (n == 1 ? "" : "s") + " · "
                + Format.whole((double) c.totalSteps()) + " steps";
    }

    /**
     * One bar {@value #WIDTH} px wide split into the stages, each segment's width its share of the
     * curriculum's steps (with its number, name and steps on it, and in its tooltip when it is too
     * narrow for them).
     */
    static String timeline(Curriculum c) {
        StringBuilder sb = new StringBuilder("<div class=\"tessera-timeline\" style=\"display:flex;width:").append(WIDTH)
                .append("px;margin:8px 0;border-radius:4px;overflow:hidden\">");
        double total = c.totalSteps();
        for (int k = 0; k < c.stages().size(); k++) {
            Stage s = c.stages().get(k);
            String colour = Palette.series(k);
            String label = (k + 1) + " · " + s.name();
            String steps = Format.whole((double) s.training().steps()) + " steps";
            sb.append("<div title=\"").append(Html.escape(label + ", " + steps)).append("\" style=\"flex:none;width:")
                    .append(Format.of("%.1f%%", 100 * s.training().steps() / total)).append(";background:").append(colour)
                    .append(";color:").append(Palette.hex(Palette.textOn(Color.decode(colour))))
                    .append(";font-size:12px;padding:3px 6px;box-sizing:border-box;white-space:nowrap;overflow:hidden\">")
                    .append("<div style=\"").append(CLIP).append(";font-weight:600\">").append(Html.escape(label))
                    .append("</div><div style=\"").append(CLIP).append("\">").append(steps).append("</div></div>");
        }
        return sb.append("</div>").toString();
    }

    /** The tasks with their weights in draw order, and the prompt dropout when text-to-image is one of them. */
    static String tasks(TaskMix mix) {
        String dropout = dropout(mix);
        return String.join(", ", weights(mix)) + (dropout.isEmpty() ? "" : "; " + dropout);
    }

    /** {@link #tasks} as a table cell: a task never split from its weight, the prompt dropout on a line of its own. */
    private static String tasksCell(TaskMix mix) {
        StringJoiner sj = new StringJoiner(", ");
        weights(mix).forEach(w -> sj.add(Html.escape(w).replace(" ", "&nbsp;")));
        String dropout = dropout(mix);
        return sj + (dropout.isEmpty() ? "" : "<div style=\"color:#6e6e6e\">" + dropout + "</div>");
    }

    /** "caption 1", "answer 2", ... in draw order. */
    private static List<String> weights(TaskMix mix) {
        List<String> out = new ArrayList<>();
        mix.weights().forEach((task, weight) -> out.add(task + " " + Format.number(weight)));
        return out;
    }

    /** "prompt dropout 10.0%" when text-to-image is drawn, else empty. */
    private static String dropout(TaskMix mix) {
        return mix.weights().getOrDefault(GenerateTask.NAME, 0.0) > 0 ? "prompt dropout " + Format.percent(mix.promptDropout())
                : "";
    }

    /** The parameter groups or name globs that learn, or "everything" (all the model was built to learn). */
    static String trains(UnifiedTrainingConfig t) {
        String weights = t.trainable().isEmpty() ? "everything" : String.join(", ", t.trainable());
        CodebookAlignment a = t.alignment();
        return !a.learns() ? weights : weights + "; tokenizer codebook learns, alignment " + a.mode().id()
                + (a.pullsCodebook() ? " every " + a.every() + " steps, lambda " + Format.number(a.lambda()) : "");
    }

    /** "text guard: held-out text perplexity of 256 passages before the first stage and after each, flagged above +2%". */
    static String guard(Curriculum c) {
        return "text guard: held-out text perplexity of " + c.guard().passages() + " passages before the first stage and after "
                + "each, flagged when a stage raises it by more than " + Format.percent(c.guard().tolerance());
    }

    /** All of it on one line: the headline, the description, then each stage's recipe. */
    static String plain(Curriculum c) {
        StringBuilder sb = new StringBuilder(headline(c));
        if (!c.description().isBlank()) {
            sb.append(": ").append(c.description().strip());
        }
        if (c.guard() != null) {
            sb.append(" | ").append(guard(c));
        }
        for (int k = 0; k < c.stages().size(); k++) {
            Stage s = c.stages().get(k);
            UnifiedTrainingConfig t = s.training();
            sb.append(k == 0 ? " | " : "; ").append("stage ").append(k + 1).append(' ').append(s.name()).append(" from ")
                    .append(s.start()).append(": ").append(Format.whole((double) t.steps())).append(" steps of ")
                    .append(tasks(t.mix())).append(", trains ").append(trains(t)).append(", batch ").append(t.batchSize())
                    .append(", lr ").append(Format.number(t.learningRate())).append(", warm-up ").append(t.warmupSteps())
                    .append(", ").append(t.weighting().id()).append(" weighting, seed ").append(t.seed());
        }
        return sb.toString();
    }
}
