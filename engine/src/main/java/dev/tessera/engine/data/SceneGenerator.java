package dev.tessera.engine.data;

import dev.tessera.engine.image.Images;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws synthetic scenes of non-overlapping shapes with exact labels. Scene {@code i} of a
 * seed is a pure function of {@code (seed, i)}, so any scene can be regenerated without
 * storing data, and training and held-out streams never share a scene.
 */
public final class SceneGenerator {

    /** Dark neutral background: objects of every colour stand out against it. */
    private static final Color BACKGROUND = new Color(24, 24, 28);

    /** Placement tries after which a layout that cannot be completed starts over. */
    static final int RESTART_AFTER = 200_000;

    private final SceneConfig config;

    public SceneGenerator(SceneConfig config) {
        this.config = config;
    }

    public SceneConfig config() {
        return config;
    }

    /** Scene number {@code index} of this generator's stream. */
    public Scene scene(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("scene index must be >= 0, got " + index);
        }
        SplittableRandom rng = new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L + index);
        int n = config.minObjects() + rng.nextInt(config.maxObjects() - config.minObjects() + 1);
        return scene(index, n, rng);
    }

    /** Scene number {@code index} forced to hold exactly {@code objects} objects (1..4). */
    public Scene sceneWithObjects(long index, int objects) {
        if (objects < 1 || objects > 4) {
            throw new IllegalArgumentException("a scene holds 1..4 objects, got " + objects);
        }
        return scene(index, objects, new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L + index + 31L * objects));
    }

    /** Scenes {@code from .. from+count-1}. */
    public List<Scene> scenes(long from, int count) {
        List<Scene> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(scene(from + i));
        }
        return out;
    }

    private Scene scene(long index, int n, SplittableRandom rng) {
        int size = config.size();
        List<SceneObject> objects = new ArrayList<>();
        for (int placed = 0, tries = 0; placed < n; tries++) {
            if (tries == RESTART_AFTER) {
                // the objects placed so far leave no room (seen at 16px with 4 objects, ~0.3% of such
                // scenes): start the layout over. Far above the tries of any scene that does fit, so
                // scenes that always finished are unchanged.
                objects.clear();
                placed = 0;
                tries = 0;
            }
            boolean large = rng.nextBoolean();
            // small objects span ~1/5 of the side, large ones ~1/3: always several tokens wide
            double r = size * (large ? 0.15 + 0.04 * rng.nextDouble() : 0.10 + 0.02 * rng.nextDouble());
            if (tries > 200) {
                large = false;
                r = size * 0.09;
            }
            double x = r + 1 + rng.nextDouble() * (size - 2 * r - 2);
            double y = r + 1 + rng.nextDouble() * (size - 2 * r - 2);
            if (overlaps(objects, x, y, r)) {
                continue;
            }
            ShapeKind shape = ShapeKind.values()[rng.nextInt(ShapeKind.values().length)];
            SceneColour colour = SceneColour.values()[rng.nextInt(SceneColour.values().length)];
            objects.add(new SceneObject(shape, colour, large, x, y, r, Position.of(x, y, size)));
            placed++;
        }
        objects.sort(Comparator.comparingInt((SceneObject o) -> o.position().ordinal() / 3)
                .thenComparingDouble(SceneObject::x));
        return new Scene(index, Images.fromBuffered(draw(objects, size)), objects);
    }

    private static boolean overlaps(List<SceneObject> objects, double x, double y, double r) {
        for (SceneObject o : objects) {
            double gap = Math.hypot(o.x() - x, o.y() - y) - o.radius() - r;
            if (gap < 2) {
                return true;
            }
        }
        return false;
    }

    private static BufferedImage draw(List<SceneObject> objects, int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, size, size);
            for (SceneObject o : objects) {
                g.setColor(new Color(o.colour().rgb()));
                double r = o.radius();
                switch (o.shape()) {
                    case CIRCLE -> g.fill(new Ellipse2D.Double(o.x() - r, o.y() - r, 2 * r, 2 * r));
                    case SQUARE -> {
                        double h = r / Math.sqrt(2) * 1.05;
                        g.fill(new Rectangle2D.Double(o.x() - h, o.y() - h, 2 * h, 2 * h));
                    }
                    case TRIANGLE -> {
                        Path2D.Double p = new Path2D.Double();
                        for (int k = 0; k < 3; k++) {
                            double a = -Math.PI / 2 + k * 2 * Math.PI / 3;
                            double px = o.x() + r * Math.cos(a);
                            double py = o.y() + r * Math.sin(a);
                            if (k == 0) {
                                p.moveTo(px, py);
                            } else {
                                p.lineTo(px, py);
                            }
                        }
                        p.closePath();
                        g.fill(p);
                    }
                }
            }
        } finally {
            g.dispose();
        }
        return img;
    }
}
