package dev.tessera.engine.vocab;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A sequence of shared-vocabulary ids read back as text spans, images and control tokens:
 * what the unified model wrote, in a form a person (or a renderer) can look at.
 */
public record MixedSequence(List<Segment> segments) {

    public MixedSequence {
        segments = List.copyOf(segments);
    }

    /** All text of the sequence, concatenated. */
    public String text() {
        return segments.stream().filter(s -> s instanceof Segment.Text).map(s -> ((Segment.Text) s).text())
                .collect(Collectors.joining());
    }

    /** The images of the sequence, in order. */
    public List<Segment.Image> images() {
        return segments.stream().filter(s -> s instanceof Segment.Image).map(s -> (Segment.Image) s).toList();
    }

    /** The SeTok spans of the sequence, in order. */
    public List<Segment.Span> spans() {
        return segments.stream().filter(s -> s instanceof Segment.Span).map(s -> (Segment.Span) s).toList();
    }

    /**
     * A one-line form such as {@code <caption><boi>[image 8x8]<eoi>a red circle<eos>} (a SeTok
     * span reads {@code [span 3 tokens]}).
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Segment s : segments) {
            if (s instanceof Segment.Text t) {
                sb.append(t.text());
            } else if (s instanceof Segment.Image i) {
                sb.append("[image ").append(i.grid().rows()).append('x').append(i.grid().cols())
                        .append(i.complete() ? "" : ", incomplete").append(']');
            } else if (s instanceof Segment.Span span) {
                sb.append("[span ").append(span.tokens() == null ? 0 : span.tokens().count()).append(" tokens")
                        .append(span.complete() ? "" : ", incomplete").append(']');
            } else if (s instanceof Segment.Special sp) {
                sb.append(sp.token().text());
            } else if (s instanceof Segment.TaskTag tag) {
                sb.append(tag.tag());
            }
        }
        return sb.toString();
    }
}
