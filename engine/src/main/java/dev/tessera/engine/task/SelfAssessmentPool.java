package dev.tessera.engine.task;

import dev.tessera.engine.io.AtomicFile;
import dev.tessera.engine.io.Json;
import dev.tessera.engine.tokenize.TokenGrid;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The self-assessments one model made of its own drawings, kept as a file (gzip-compressed JSON)
 * so that every training run of a comparison reads the same ones: {@link AssessTask} trains on
 * them, {@link RealPairsTask} on their prompts with real images. The shipped pool
 * ({@link #shipped()}) holds {@code illume-shapes32}'s drawings assessed by {@code assessor-tokens32},
 * with the command that made it in its provenance.
 *
 * @param model       the model that drew the images
 * @param assessor    the judge that assessed them
 * @param rows        image rows of every grid
 * @param cols        image columns of every grid
 * @param depth       ids per position (1 for flat codes, the levels of a stacked tokenizer)
 * @param codebook    the image tokenizer's codebook size
 * @param items       the assessments
 * @param provenance  how the pool was made (command, seeds, agreement with the examiner)
 */
public record SelfAssessmentPool(String model, String assessor, int rows, int cols, int depth, int codebook,
                                 List<SelfAssessment> items, Map<String, Object> provenance) {

    /** The shipped pool's resource. */
    public static final String SHIPPED_RESOURCE = "/dev/tessera/engine/assessments/illume-shapes32.json.gz";

    public SelfAssessmentPool {
        if (items == null || items.isEmpty()) {
            throw new IllegalArgumentException("a self-assessment pool needs at least one assessment");
        }
        for (SelfAssessment a : items) {
            if (a.drawn().length != rows * cols * depth) {
                throw new IllegalArgumentException("every image of the pool has " + rows + "x" + cols + "x" + depth + " ids; '"
                        + a.prompt()
                        + "' has " + a.drawn().length);
            }
        }
        items = List.copyOf(items);
        provenance = provenance == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
    }

    /** The grid of {@code ids}, one of this pool's images. */
    public TokenGrid grid(int[] ids) {
        return new TokenGrid(rows, cols, depth, ids, codebook);
    }

    /** One assessment, drawn uniformly with {@code rng} (a task's examples draw only from their random stream). */
    public SelfAssessment draw(SplittableRandom rng) {
        return items.get(rng.nextInt(items.size()));
    }

    /** This pool with {@code more} added to its provenance (e.g. how long it took to make). */
    public SelfAssessmentPool withProvenance(Map<String, Object> more) {
        Map<String, Object> p = new LinkedHashMap<>(provenance);
        p.putAll(more);
        return new SelfAssessmentPool(model, assessor, rows, cols, depth, codebook, items, p);
    }

    /** Share of the drawings the assessor found aligned in each category present, by category id, in pool order. */
    public Map<String, Double> alignedByCategory() {
        Map<String, int[]> tally = new LinkedHashMap<>();
        for (SelfAssessment a : items) {
            int[] t = tally.computeIfAbsent(a.category(), c -> new int[2]);
            t[0] += a.aligned() ? 1 : 0;
            t[1]++;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        tally.forEach((c, t) -> out.put(c, t[0] / (double) t[1]));
        return out;
    }

    /** Share of the drawings the assessor found aligned. */
    public double alignedShare() {
        return items.stream().filter(SelfAssessment::aligned).count() / (double) items.size();
    }

    /** Writes the pool to {@code file}, whole or not at all. */
    public void write(Path file) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
                Json.mapper().writeValue(gz, this);
            }
            AtomicFile.write(file, bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the self-assessments to " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a pool {@link #write} wrote. */
    public static SelfAssessmentPool read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no self-assessment pool at " + file + "; make one with ./tessera engine self-assess");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the self-assessments in " + file + ": " + e.getMessage(), e);
        }
    }

    /** The shipped pool, read once. */
    public static SelfAssessmentPool shipped() {
        return Shipped.POOL;
    }

    private static SelfAssessmentPool parse(InputStream in) throws IOException {
        try (GZIPInputStream gz = new GZIPInputStream(in)) {
            return Json.mapper().readValue(gz, SelfAssessmentPool.class);
        }
    }

    /** Holds the shipped pool, read when first asked for. */
    private static final class Shipped {
        static final SelfAssessmentPool POOL = load();

        private static SelfAssessmentPool load() {
            try (InputStream in = SelfAssessmentPool.class.getResourceAsStream(SHIPPED_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the shipped self-assessments " + SHIPPED_RESOURCE + " are missing from "
                            + "the engine jar; rebuild it (mvn -B -q install -DskipTests)");
                }
                return parse(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the shipped self-assessments: " + e.getMessage(), e);
            }
        }
    }
}
