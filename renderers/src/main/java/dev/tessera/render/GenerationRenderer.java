package dev.tessera.render;

import dev.tessera.engine.lm.SamplingConfig;
import dev.tessera.engine.unified.Generation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Images the model drew for a prompt: the prompt as the title, the sampling settings and the
 * time per image, the {@link GenerationPicture}, and the {@link SequenceRenderer strip} of the
 * first image's sequence (those of the others folded away beneath it).
 */
public final class GenerationRenderer implements Renderer<Generation> {

    private static final String NOTE = "font-size:12px;color:#6e6e6e";

    @Override
    public Class<Generation> type() {
        return Generation.class;
    }

    @Override
    public Map<String, String> render(Generation g) {
        StringBuilder html = new StringBuilder("<div class=\"tessera-generation\" style=\"font-family:sans-serif\">")
                .append("<div class=\"tessera-prompt\" style=\"font-size:22px;font-weight:600\">&ldquo;")
                .append(Html.escape(g.prompt())).append("&rdquo;</div><div style=\"").append(NOTE)
                .append(";margin:2px 0 8px\">").append(Html.escape(settings(g))).append("</div>");
        String png = null;
        if (!g.images().isEmpty()) {
            png = Png.base64(GenerationPicture.draw(g));
            html.append(Html.img(png, g.images().size() + " images for " + g.prompt()));
        }
        for (int i = 0; i < g.sequences().size(); i++) {
            if (i == 1) {
                html.append("<details><summary style=\"").append(NOTE).append(";cursor:pointer\">the sequences of images #2..#")
                        .append(g.sequences().size()).append("</summary>");
            }
            html.append("<div style=\"").append(NOTE).append(";margin-top:8px\">the sequence of image #").append(i + 1)
                    .append("</div>").append(SequenceRenderer.strip(g.sequences().get(i),
                            i < g.images().size() ? List.of(g.images().get(i)) : List.of()));
        }
        if (g.sequences().size() > 1) {
            html.append("</details>");
        }
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/html", html.append("</div>").toString());
        if (png != null) {
            bundle.put("image/png", png);
        }
        bundle.put("text/plain", summary(g));
        return bundle;
    }

    /** Image count, sampling settings and time per image on one line. */
    static String settings(Generation g) {
        SamplingConfig s = g.sampling();
        return Format.of("%d image%s · temperature %s · top-k %d · top-p %.2f · cfg %.1f · seed %d · %.0f ms/image",
                g.images().size(), g.images().size() == 1 ? "" : "s",
                s.greedyChoice() ? "0 (greedy)" : Format.of("%.2f", s.temperature()), s.topK(), s.topP(), s.cfgScale(),
                s.seed(), g.millisPerImage());
    }

    static String summary(Generation g) {
        return "\"" + g.prompt() + "\": " + settings(g);
    }
}
