package dev.tessera.engine.unified;

import java.util.Map;

/**
 * How well a unified model does its three tasks on held-out scenes.
 *
 * @param scenes             held-out scenes captioned and questioned
 * @param countAccuracy      captions naming the right number of objects
 * @param colourAccuracy     captions naming exactly the right colours with their counts
 * @param shapeAccuracy      captions naming exactly the right shapes with their counts
 * @param attributeAccuracy  mean of the three: the caption attribute accuracy
 * @param exactCaptions      captions right in every attribute at once
 * @param unreadableCaptions captions that do not follow the caption grammar (scored wrong)
 * @param answerAccuracy     answers exactly right
 * @param answerByTemplate   answer accuracy per question template
 * @param textNll            mean NLL of text targets on a held-out batch
 * @param imageNll           mean NLL of image targets on a held-out batch
 * @param generation         judged text-to-image results, or null when not evaluated
 */
public record UnifiedReport(int scenes, double countAccuracy, double colourAccuracy, double shapeAccuracy,
                            double attributeAccuracy, double exactCaptions, double unreadableCaptions,
                            double answerAccuracy, Map<String, Double> answerByTemplate, double textNll, double imageNll,
                            GenerationReport generation) {

    public UnifiedReport {
        answerByTemplate = Map.copyOf(answerByTemplate);
    }

    public UnifiedReport withGeneration(GenerationReport g) {
        return new UnifiedReport(scenes, countAccuracy, colourAccuracy, shapeAccuracy, attributeAccuracy, exactCaptions,
                unreadableCaptions, answerAccuracy, answerByTemplate, textNll, imageNll, g);
    }

    @Override
    public String toString() {
        return String.format("%d held-out scenes: caption attributes %.1f%% (count %.1f%%, colour %.1f%%, shape %.1f%%), "
                        + "exact %.1f%%, unreadable %.1f%%; answers %.1f%% %s; held-out NLL text %.3f image %.3f%s",
                scenes, 100 * attributeAccuracy, 100 * countAccuracy, 100 * colourAccuracy, 100 * shapeAccuracy,
                100 * exactCaptions, 100 * unreadableCaptions, 100 * answerAccuracy, percent(answerByTemplate), textNll,
                imageNll, generation == null ? "" : "; " + generation);
    }

    private static String percent(Map<String, Double> m) {
        StringBuilder sb = new StringBuilder("(");
        new java.util.TreeMap<>(m).forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "").append(k).append(' ')
                .append(String.format("%.0f%%", 100 * v)));
        return sb.append(')').toString();
    }
}
