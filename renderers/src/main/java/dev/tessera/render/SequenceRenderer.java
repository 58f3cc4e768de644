package dev.tessera.render;

import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.tokenize.TokenGrid;
import dev.tessera.engine.tokenize.TokenSet;
import dev.tessera.engine.vocab.MixedSequence;
import dev.tessera.engine.vocab.Segment;
import dev.tessera.engine.vocab.SpecialToken;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

/**
 * A mixed sequence as one strip, left to right as the model reads it: control tokens as small
 * coloured chips, text spans as text chips, each image span as a thumbnail of its image (or,
 * when no image is at hand, of its token ids as a mosaic coloured per code), and under it the
 * ids of each kind counted: one sequence, two modalities. Image spans and their brackets share
 * the image colour, text the text colour ({@link Palette}). A SeTok span (a model over dynamic
 * tokens, arXiv 2406.05127) shows its image with its clusters over it: each token's region
 * tinted in its code's colour, the boundaries, and its centre numbered.
 */
public final class SequenceRenderer implements Renderer<MixedSequence> {

    /** Side of an image span's thumbnail, in pixels. */
    static final int THUMB = 64;
    private static final String SMALL = "font:11px/14px sans-serif";

    @Override
    public Class<MixedSequence> type() {
        return MixedSequence.class;
    }

    @Override
    public Map<String, String> render(MixedSequence sequence) {
        return Html.bundle("<div class=\"tessera-mixed-sequence\">" + strip(sequence, List.of()) + "</div>",
                sequence.toString());
    }

    /**
     * The strip of {@code sequence}; image span k shows {@code images.get(k)} when there is one,
     * otherwise the mosaic of its token ids.
     */
    static String strip(MixedSequence sequence, List<RgbImage> images) {
        StringBuilder sb = new StringBuilder("<div class=\"tessera-sequence\" style=\"display:flex;flex-wrap:wrap;"
                + "align-items:center;gap:4px;margin:4px 0\">");
        int spans = 0;
        int control = 0;
        int text = 0;
        int image = 0;
        for (Segment s : sequence.segments()) {
            if (s instanceof Segment.Special sp) {
                sb.append(special(sp.token()));
                control++;
            } else if (s instanceof Segment.TaskTag tag) {
                sb.append(chip(tag.tag(), "a task tag bound for a new task", "#8c8c8c"));
                control++;
            } else if (s instanceof Segment.Text t) {
                sb.append(text(t));
                text += t.ids().length;
            } else if (s instanceof Segment.Image i) {
                sb.append(image(i, spans < images.size() ? images.get(spans) : null));
                spans++;
                image += i.written();
            } else if (s instanceof Segment.Span sp) {
                sb.append(span(sp, spans < images.size() ? images.get(spans) : null));
                spans++;
                image += sp.written();
            }
        }
        sb.append("</div><div class=\"tessera-sequence-legend\" style=\"").append(SMALL).append(";color:#6e6e6e\">")
                .append("one sequence of ").append(control + text + image).append(" ids: ")
                .append(swatch("#8c8c8c")).append(control).append(" control, ")
                .append(swatch(Palette.TEXT)).append(text).append(" text, ")
                .append(swatch(Palette.IMAGE)).append(image).append(" image</div>");
        return sb.toString();
    }

    /** A control token as a rounded chip in its colour, its meaning as a tooltip. */
    static String special(SpecialToken t) {
        return chip(t.text(), meaning(t), Palette.special(t));
    }

    private static String chip(String text, String meaning, String bg) {
        return "<span class=\"tessera-special\" title=\"" + Html.escape(meaning) + "\" style=\"display:inline-block;"
                + "padding:1px 7px;border-radius:10px;background:" + bg + ";color:"
                + Palette.hex(Palette.textOn(Color.decode(bg))) + ";font:600 11px/18px monospace\">" + Html.escape(text)
                + "</span>";
    }

    private static String text(Segment.Text t) {
        StringBuilder ids = new StringBuilder();
        for (int id : t.ids()) {
            ids.append(ids.length() == 0 ? "" : " ").append(id);
        }
        return "<span class=\"tessera-text\" title=\"" + t.ids().length + " text ids: " + ids + "\" style=\""
                + "display:inline-block;padding:2px 7px;border-radius:4px;background:#fdf3ec;border:1px solid "
                + Palette.TEXT + ";font:14px/20px sans-serif;white-space:pre-wrap\">" + Html.escape(t.text())
                + "<span style=\"" + SMALL + ";color:" + Palette.TEXT + ";margin-left:6px\">" + t.ids().length
                + "</span></span>";
    }

    /** An image span: the image (or its ids as a mosaic) above its grid size; dashed when incomplete. */
    private static String image(Segment.Image span, RgbImage picture) {
        TokenGrid grid = span.grid();
        String size = grid.rows() + "&times;" + grid.cols() + (grid.depth() > 1 ? "&times;" + grid.depth() : "");
        String colour = span.complete() ? Palette.IMAGE : Palette.WARN;
        String tip = "image span: " + grid.rows() + "x" + grid.cols() + " grid, " + span.written() + " ids"
                + (picture == null ? ", shown as its code ids" + (grid.depth() > 1 ? " (level 1)" : "") : "")
                + (span.complete() ? "" : "; incomplete: the span held " + span.written() + " of the " + grid.ids().length
                + " ids of one image (the rest shown as code 0)");
        String png = Png.base64(picture == null ? mosaic(grid, THUMB) : Draw.crisp(picture, THUMB));
        return "<span class=\"tessera-image-span\" title=\"" + tip + "\" style=\"display:inline-flex;flex-direction:column;"
                + "align-items:center;gap:2px;padding:3px;border:2px " + (span.complete() ? "solid " : "dashed ") + colour
                + ";border-radius:6px;background:#eef3fa\">"
                + Html.crispImg(png, picture == null ? "token ids of an image span" : "image span", "display:block")
                + "<span style=\"" + SMALL + ";color:" + colour + "\">" + size + " &middot; "
                + (span.complete() ? grid.ids().length : span.written() + " of " + grid.ids().length + ", incomplete")
                + "</span></span>";
    }

    /** Side of a SeTok span's thumbnail: its 16x16 patch grid needs more room than a grid's 8x8 mosaic. */
    static final int SPAN_THUMB = 96;

    /**
     * A SeTok span: the image (or a blank square) with its clusters over it, above its token count
     * and its ids from {@code <boi>} to {@code <eoi>} inclusive, centres included (how spans and
     * grids are compared); dashed when incomplete.
     */
    private static String span(Segment.Span span, RgbImage picture) {
        TokenSet set = span.tokens();
        String colour = span.complete() ? Palette.IMAGE : Palette.WARN;
        BufferedImage thumb = picture == null ? blank(SPAN_THUMB) : Draw.crisp(picture, SPAN_THUMB);
        if (set != null) {
            Graphics2D g = thumb.createGraphics();  // not Draw.begin: that would paint over the image
            g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING,
                    java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            try {
                ClusterPicture.overlay(g, set, 0, 0, SPAN_THUMB);
            } finally {
                g.dispose();
            }
        }
        int tokens = set == null ? 0 : set.count();
        String tip = "SeTok span: " + tokens + " dynamic tokens, each a content code and its centre patch on the "
                + (set == null ? "" : set.side() + "x" + set.side() + " ") + "patch grid; " + span.written()
                + " ids between <boi> and <eoi>, " + (span.written() + 2) + " with them"
                + (picture == null ? "; no image at hand, so the clusters are drawn on a blank square" : "")
                + (span.complete() ? "" : "; incomplete: not a whole number of (code, centre) pairs");
        return "<span class=\"tessera-image-span tessera-setok-span\" title=\"" + Html.escape(tip) + "\" style=\""
                + "display:inline-flex;flex-direction:column;align-items:center;gap:2px;padding:3px;border:2px "
                + (span.complete() ? "solid " : "dashed ") + colour + ";border-radius:6px;background:#eef3fa\">"
                + Html.crispImg(Png.base64(thumb), "SeTok span with its clusters", "display:block")
                + "<span style=\"" + SMALL + ";color:" + colour + "\">" + tokens + (tokens == 1 ? " token" : " tokens")
                + " &middot; " + (span.written() + 2) + " ids" + (span.complete() ? "" : ", incomplete") + "</span></span>";
    }

    private static BufferedImage blank(int side) {
        BufferedImage out = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Draw.begin(out);
        try {
            g.setColor(new Color(0xf4, 0xf4, 0xf4));
            g.fillRect(0, 0, side, side);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The (first-level) ids of {@code grid} as cells coloured per code, {@code side x side} pixels. */
    static BufferedImage mosaic(TokenGrid grid, int side) {
        BufferedImage out = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Draw.begin(out);
        try {
            TokenGridPicture.grid(g, grid.depth() == 1 ? grid : grid.level(0), 0, 0, side);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static String swatch(String colour) {
        return "<span style=\"color:" + colour + "\">&#9632;</span>&nbsp;";
    }

    private static String meaning(SpecialToken t) {
        return switch (t) {
            case PAD -> "padding";
            case EOS -> "end of sequence";
            case BOI -> "begin of image: image ids follow";
            case EOI -> "end of image";
            case CAPTION -> "task: describe the image";
            case GENERATE -> "task: draw an image for the text";
            case ASK -> "task: answer a question about the image";
            case ANSWER -> "the answer follows";
        };
    }
}
