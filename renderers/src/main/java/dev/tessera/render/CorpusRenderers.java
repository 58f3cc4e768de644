package dev.tessera.render;

import dev.tessera.engine.corpus.CodebookUsage;
import dev.tessera.engine.corpus.CorpusBoard;
import dev.tessera.engine.corpus.CorpusProgress;
import dev.tessera.engine.corpus.CorpusTokenizeResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A corpus tokenization: while it runs, files done of those listed with a bar, error rows so
 * far, files per second and the time left (the board, redrawn in place); at the end, the
 * shards' summary: rows, error rows with the first messages, speed, median PSNR and how much of
 * the codebook the corpus uses.
 */
final class CorpusRenderers {

    private CorpusRenderers() {
    }

    static final class Board implements Renderer<CorpusBoard> {
        @Override
        public Class<CorpusBoard> type() {
            return CorpusBoard.class;
        }

        @Override
        public Map<String, String> render(CorpusBoard b) {
            CorpusTokenizeResult r = b.result();
            String colour = r == null ? Palette.IMAGE : r.interrupted() ? Palette.WARN : Palette.DONE;
            String where = "tokenizing " + String.join(", ", b.run().inputs()) + " with " + b.run().tokenizer() + " on "
                    + b.run().master();
            StringBuilder html = new StringBuilder("<div class=\"tessera-corpus-board\" style=\"font-family:sans-serif;max-width:"
                    + (TrainingRenderers.WIDTH + 20) + "px\"><div style=\"font-size:15px;font-weight:600\">")
                    .append(Html.escape(where)).append("</div>");
            CorpusProgress p = b.progress();
            if (r != null) {
                html.append(Html.bar(r.interrupted() ? 0.5 : 1, colour, TrainingRenderers.WIDTH, 12))
                        .append(note(r.interrupted() ? "stopped: finished chunks kept, --resume continues" : "done: summary below"));
            } else if (p == null || p.total() <= 0) {
                html.append(Html.bar(0, colour, TrainingRenderers.WIDTH, 12)).append(note("starting Spark and listing the files…"));
            } else {
                double done = (double) p.done() / p.total();
                double eta = p.filesPerSecond() > 0 ? (p.total() - p.done()) / p.filesPerSecond() : Double.NaN;
                html.append(Html.bar(done, colour, TrainingRenderers.WIDTH, 12)).append(note(p.done() + " of " + p.total()
                        + " files (" + Format.percent(done) + ") · " + p.errors() + " error row" + (p.errors() == 1 ? "" : "s")
                        + " · " + Format.of("%.1f files/s", p.filesPerSecond()) + " · elapsed " + Format.duration(p.seconds())
                        + (Double.isFinite(eta) ? " · ETA " + Format.duration(eta) : "")));
            }
            String plain = r != null ? r.toString() : p == null ? where : where + ": " + p;
            return Html.bundle(html.append("</div>").toString(), plain);
        }

        private static String note(String text) {
            return "<div style=\"font-size:13px;margin:4px 0 8px\">" + Html.escape(text) + "</div>";
        }
    }

    static final class Result implements Renderer<CorpusTokenizeResult> {
        @Override
        public Class<CorpusTokenizeResult> type() {
            return CorpusTokenizeResult.class;
        }

        @Override
        public Map<String, String> render(CorpusTokenizeResult r) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"shards", Html.escape(r.output())});
            rows.add(new String[] {"rows", r.files() + (r.interrupted() ? " (stopped; --resume continues)" : "")});
            rows.add(new String[] {"error rows", String.valueOf(r.errors())});
            rows.add(new String[] {"tokenizer", Html.escape(r.tokenizer()) + (r.checkpoint().isEmpty() ? ""
                    : " <span style=\"color:#777\">(weights " + Html.escape(r.checkpoint().substring(0, Math.min(12, r.checkpoint().length())))
                    + "…)</span>")});
            rows.add(new String[] {"ran on", Html.escape(r.master()) + " · " + Format.duration(r.seconds()) + " · "
                    + Format.of("%.1f files/s", r.filesPerSecond())});
            if (Double.isFinite(r.medianPsnr())) {
                rows.add(new String[] {"median PSNR", Format.of("%.2f dB", r.medianPsnr())});
            }
            CodebookUsage u = r.usage();
            if (u != null) {
                for (int l = 0; l < u.levels(); l++) {
                    rows.add(new String[] {"codes used" + (u.levels() > 1 ? " (level " + (l + 1) + ")" : ""),
                            u.used(l) + " of " + u.codebookSize() + " · perplexity " + Format.of("%.1f", u.perplexity(l))});
                }
            }
            StringBuilder html = new StringBuilder("<div class=\"tessera-corpus-result\" style=\"font-family:sans-serif\">")
                    .append(Html.keyValueTable("tessera-metrics", rows));
            if (!r.errorSamples().isEmpty()) {
                html.append("<div style=\"font-size:13px;margin-top:6px\">first error rows:</div><ul style=\"font-size:12px;margin:2px 0\">");
                r.errorSamples().forEach(e -> html.append("<li>").append(Html.escape(e)).append("</li>"));
                html.append("</ul>");
            }
            return Html.bundle(html.append("</div>").toString(), r.toString());
        }
    }
}
