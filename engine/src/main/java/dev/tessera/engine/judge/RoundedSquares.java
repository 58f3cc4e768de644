package dev.tessera.engine.judge;

import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.data.SceneObject;
import dev.tessera.engine.data.ShapeKind;
import dev.tessera.engine.image.Images;
import dev.tessera.engine.image.RgbImage;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the judge stops calling a square a square: held-out one-square scenes redrawn as a
 * rounded square whose corners round and whose side grows with a roundness from 0 (the square
 * the scene generator draws) to 1 (the circle it draws for the same object: a disc of the
 * object's radius). A trustworthy judge says "square" at 0, "circle" at 1 and switches once in
 * between; one that still passes a nearly round shape as a square would pass a generator's blobs.
 */
public final class RoundedSquares {

    /** Corner roundness of each point: the corner arc's diameter as a fraction of the side. */
    public static final List<Double> ROUNDNESS = List.of(0.0, 0.25, 0.5, 0.75, 1.0);

    /**
     * One roundness and what the judge made of its images.
     *
     * @param roundness corner arc diameter / side (0 square, 1 circle)
     * @param images    images judged
     * @param square    share judged to hold exactly one square
     * @param circle    share judged to hold exactly one circle
     */
    public record Point(double roundness, int images, double square, double circle) {
        @Override
        public String toString() {
            return String.format("roundness %.2f: square %.1f%%, circle %.1f%%", roundness, 100 * square, 100 * circle);
        }
    }

    private RoundedSquares() {
    }

    /** The judge on {@code n} held-out squares at each {@link #ROUNDNESS}. */
    public static List<Point> measure(SceneJudge judge, int n) {
        SceneGenerator g = new SceneGenerator(new SceneConfig(judge.imageSize(), 1, 1, SceneConfig.HELD_OUT_SEED));
        List<Scene> squares = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            squares.add(g.sceneWith(i, java.util.Collections.singletonList(null), List.of(ShapeKind.SQUARE)));
        }
        List<Point> out = new ArrayList<>();
        for (double roundness : ROUNDNESS) {
            List<JudgeVerdict> verdicts = judge.judge(squares.stream().map(s -> redraw(s, roundness)).toList());
            out.add(new Point(roundness, n, share(verdicts, ShapeKind.SQUARE), share(verdicts, ShapeKind.CIRCLE)));
        }
        return out;
    }

    /** The one-square scene drawn again at {@code roundness}: side and corner arcs both move from the square's to the circle's. */
    static RgbImage redraw(Scene scene, double roundness) {
        SceneObject o = scene.objects().get(0);
        int size = scene.image().width();
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D gr = img.createGraphics();
        try {
            gr.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            gr.setColor(new Color(SceneGenerator.BACKGROUND_RGB));
            gr.fillRect(0, 0, size, size);
            gr.setColor(new Color(o.colour().rgb()));
            double h = SceneGenerator.squareHalfSide(o.radius()) * (1 - roundness) + o.radius() * roundness;
            gr.fill(new RoundRectangle2D.Double(o.x() - h, o.y() - h, 2 * h, 2 * h, 2 * h * roundness, 2 * h * roundness));
        } finally {
            gr.dispose();
        }
        return Images.fromBuffered(img);
    }

    private static double share(List<JudgeVerdict> verdicts, ShapeKind shape) {
        return verdicts.stream().filter(v -> v.count() == 1 && v.objects().get(0).shape() == shape).count()
                / (double) verdicts.size();
    }
}
