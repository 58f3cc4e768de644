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

    /** Dark neutral background (0xRRGGBB): objects of every colour stand out against it. */
    public static final int BACKGROUND_RGB = 0x18181C;
    private static final Color BACKGROUND = new Color(BACKGROUND_RGB);

    /** How scenes list their objects: by the 3x3 row of the centre, then left to right. */
    static final Comparator<SceneObject> READING_ORDER = Comparator
            .comparingInt((SceneObject o) -> o.position().ordinal() / 3).thenComparingDouble(SceneObject::x);

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
        return scene(index, n, rng, null, null);
    }

    /** Scene number {@code index} forced to hold exactly {@code objects} objects (1..4). */
    public Scene sceneWithObjects(long index, int objects) {
        if (objects < 1 || objects > 4) {
            throw new IllegalArgumentException("a scene holds 1..4 objects, got " + objects);
        }
        return scene(index, objects, new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L + index + 31L * objects),
                null, null);
    }

    /**
     * A scene of exactly these objects, laid out at random: object {@code k} gets
     * {@code colours.get(k)} and {@code shapes.get(k)}, or a random one where that entry is null.
     * How a prompt ("three blue squares") gets real scenes that show it: layout, sizes and the
     * unnamed attributes still come from {@code (seed, index)}, so the same call draws the same scene.
     */
    public Scene sceneWith(long index, List<SceneColour> colours, List<ShapeKind> shapes) {
        if (colours.size() != shapes.size() || colours.isEmpty() || colours.size() > 4) {
            throw new IllegalArgumentException("name 1..4 objects, one colour (or null) and one shape (or null) each; got "
                    + colours.size() + " colours and " + shapes.size() + " shapes");
        }
        SplittableRandom rng = new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L + index + 977L * colours.size());
        return scene(index, colours.size(), rng, colours, shapes);
    }

    /**
     * The scene holding exactly {@code objects} as they are (shapes, colours, sizes, places),
     * drawn as this generator draws: how an edited scene ("make the circle blue") gets its exact
     * picture. The objects are put in reading order; they must fit the image and keep the
     * generator's gap of 2 pixels between them.
     */
    public Scene drawn(long index, List<SceneObject> objects) {
        int size = config.size();
        for (int i = 0; i < objects.size(); i++) {
            SceneObject o = objects.get(i);
            if (o.x() - o.radius() < 0 || o.y() - o.radius() < 0 || o.x() + o.radius() > size || o.y() + o.radius() > size) {
                throw new IllegalArgumentException("object " + i + " (" + o.describe() + ") does not fit a " + size + "px scene");
            }
            if (overlaps(objects.subList(0, i), o.x(), o.y(), o.radius())) {
                throw new IllegalArgumentException("object " + i + " (" + o.describe() + ") overlaps an earlier one");
            }
        }
        List<SceneObject> sorted = new ArrayList<>(objects);
        sorted.sort(READING_ORDER);
        return new Scene(index, Images.fromBuffered(draw(sorted, size)), sorted);
    }

    /** True when an object of radius {@code r} at ({@code x}, {@code y}) keeps the gap to every one of {@code objects}. */
    public static boolean fits(List<SceneObject> objects, double x, double y, double r) {
        return !overlaps(objects, x, y, r);
    }

    /** Scenes {@code from .. from+count-1}. */
    public List<Scene> scenes(long from, int count) {
        List<Scene> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(scene(from + i));
        }
        return out;
    }

    /** Draws {@code n} objects; {@code colours} and {@code shapes} (or null) name object k's attributes (null entries: random). */
    private Scene scene(long index, int n, SplittableRandom rng, List<SceneColour> colours, List<ShapeKind> shapes) {
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
            if (shapes != null && shapes.get(placed) != null) {
                shape = shapes.get(placed);
            }
            if (colours != null && colours.get(placed) != null) {
                colour = colours.get(placed);
            }
            objects.add(new SceneObject(shape, colour, large, x, y, r, Position.of(x, y, size)));
            placed++;
        }
        objects.sort(READING_ORDER);
        return new Scene(index, Images.fromBuffered(draw(objects, size)), objects);
    }

    /** Half the side of the square drawn for an object of bounding radius {@code r}. */
    public static double squareHalfSide(double r) {
        return r / Math.sqrt(2) * 1.05;
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
                        double h = squareHalfSide(r);
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
