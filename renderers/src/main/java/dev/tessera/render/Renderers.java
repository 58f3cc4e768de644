package dev.tessera.render;

import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.tokenize.TokenGrid;
import dev.tessera.engine.tokenize.TokenizeResult;

import java.util.List;
import java.util.Map;

/**
 * The registry of renderers: finds the one for a result's type and draws it. The notebook
 * integration calls only {@link #supports} and {@link #mimeBundle}, so a new result type
 * needs a renderer here and nothing in the kernel layer.
 */
public final class Renderers {

    private static final List<Renderer<?>> ALL = List.of(
            new TokenizeRenderer(), new CodebookRenderer(), new ComparisonRenderer(),
            new UnifiedRenderers.Captions(), new UnifiedRenderers.Answers(), new GenerationRenderer(),
            new EditRenderer(), new EditReportRenderer(), new SelfAssessmentRenderer(),
            new SequenceRenderer(), new TrainingRenderers.Board(), new TrainingRenderers.Result(),
            new TrainingRenderers.CurriculumDone(), new CurriculumRenderer(),
            new TokenizerTrainingRenderers.Board(), new TokenizerTrainingRenderers.Result(),
            new ReportRenderers.Unified(), new ReportRenderers.Generation(), new EvaluationRenderer(),
            new AblationRenderer(), new CorpusRenderers.Board(), new CorpusRenderers.Result());

    private Renderers() {
    }

    /** True when a renderer draws this result. */
    public static boolean supports(Object result) {
        return find(result) != null;
    }

    /**
     * MIME type -> content, richest first, or null when unsupported: "text/html" (pictures as
     * inline base64 PNG, charts as inline SVG), then "image/png" (base64) when the result has a
     * picture, then "text/plain" (one line). Help text and magic errors are the magics' own
     * records, drawn by {@link TextBundles} through the kernel extension.
     */
    public static Map<String, String> mimeBundle(Object result) {
        Renderer<?> r = find(result);
        return r == null ? null : draw(r, result);
    }

    /**
     * Draws one small token-grid result and throws it away: the first picture of a session pays
     * for Java2D's start, the fonts and the PNG writer (0.1 s and more), which this moves off the
     * user's first Tessera cell. The kernel integration calls it on a daemon thread at
     * {@code %use tessera}; it needs no tensor engine.
     */
    public static void warmUp() {
        RgbImage grey = new RgbImage(16, 16, new float[3 * 16 * 16]);
        TokenGrid grid = new TokenGrid(4, 4, new int[16], 2);
        mimeBundle(new TokenizeResult("warm-up", "warm-up", "warm-up", grey, grid, grey, List.of(), 0, 1));
    }

    private static Renderer<?> find(Object result) {
        if (result == null) {
            return null;
        }
        for (Renderer<?> r : ALL) {
            if (r.type().isInstance(result)) {
                return r;
            }
        }
        return null;
    }

    private static <T> Map<String, String> draw(Renderer<T> r, Object result) {
        return r.render(r.type().cast(result));
    }
}
