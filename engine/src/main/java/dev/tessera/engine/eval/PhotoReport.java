package dev.tessera.engine.eval;

import dev.tessera.engine.data.PhotoHeldOut;
import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.tokenize.ImageTokenizer;
import dev.tessera.engine.tokenize.ImageTokens;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A tokenizer on held-out photographs ({@link PhotoHeldOut}): PSNR and SSIM of every evaluation
 * image, their medians per source package and overall, separately for whole photographs (what
 * {@code %tessera tokenize photo.jpg} gives) and crops, plus bits per image and codebook use
 * ({@link ReconstructionReport}). Medians, because a few flat skies or dense textures pull a mean
 * far from what a typical photograph gets.
 *
 * @param images  one row per evaluation image
 * @param overall bits, usage and means over all of them
 */
public record PhotoReport(List<Row> images, ReconstructionReport overall) {

    /** One evaluation image's scores. */
    public record Row(String photo, String pkg, boolean whole, double psnr, double ssim) {
    }

    /** Median PSNR and SSIM of some rows. */
    public record Medians(int images, double psnr, double ssim) {
    }

    public PhotoReport {
        images = List.copyOf(images);
    }

    /** Encodes and decodes every image of {@code heldOut} with {@code tokenizer} and scores it. */
    public static <T extends ImageTokens> PhotoReport evaluate(ImageTokenizer<T> tokenizer, PhotoHeldOut heldOut) {
        List<RgbImage> inputs = heldOut.images();
        List<Row> rows = new ArrayList<>();
        for (int from = 0; from < inputs.size(); from += 64) {
            List<RgbImage> batch = inputs.subList(from, Math.min(inputs.size(), from + 64));
            List<RgbImage> recon = tokenizer.decode(tokenizer.encode(batch));
            for (int i = 0; i < batch.size(); i++) {
                PhotoHeldOut.Entry e = heldOut.entries().get(from + i);
                rows.add(new Row(e.photo().id(), e.photo().pkg(), e.whole(), ImageMetrics.psnr(batch.get(i), recon.get(i)),
                        Ssim.of(batch.get(i), recon.get(i))));
            }
        }
        return new PhotoReport(rows, TokenizerEvaluation.evaluate(tokenizer, inputs));
    }

    /** Medians of the whole photographs ({@code whole}) or of the crops. */
    public Medians medians(boolean whole) {
        return medians(images.stream().filter(r -> r.whole() == whole).toList());
    }

    /** Medians per source package, whole photographs or crops. */
    public Map<String, Medians> bySource(boolean whole) {
        Map<String, List<Row>> groups = new TreeMap<>();
        images.stream().filter(r -> r.whole() == whole).forEach(r -> groups.computeIfAbsent(r.pkg(), k -> new ArrayList<>()).add(r));
        Map<String, Medians> out = new LinkedHashMap<>();
        groups.forEach((k, v) -> out.put(k, medians(v)));
        return out;
    }

    static Medians medians(List<Row> rows) {
        return new Medians(rows.size(), median(rows.stream().mapToDouble(Row::psnr).toArray()),
                median(rows.stream().mapToDouble(Row::ssim).toArray()));
    }

    /** The median of {@code values} (NaN for none). */
    public static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** A markdown table: per source and overall, whole photographs and crops, then bits and codebook use. */
    public String table() {
        StringBuilder s = new StringBuilder("| source | whole photos | median PSNR | median SSIM | crops | median PSNR | median SSIM |\n"
                + "|---|---:|---:|---:|---:|---:|---:|\n");
        Map<String, Medians> whole = bySource(true);
        Map<String, Medians> crops = bySource(false);
        whole.forEach((pkg, w) -> s.append(line(pkg, w, crops.get(pkg))));
        s.append(line("**all**", medians(true), medians(false)));
        s.append(String.format(Locale.ROOT, "%nBits per image %.0f; codes used %d of %d (%.1f%%); mean PSNR %.2f dB over all %d images.%n",
                overall.meanBits(), overall.usedCodes(0), overall.codebookSize(), 100 * overall.utilization(),
                overall.meanPsnr(), overall.images()));
        return s.toString();
    }

    private static String line(String source, Medians w, Medians c) {
        return String.format(Locale.ROOT, "| %s | %d | %.2f dB | %.3f | %d | %.2f dB | %.3f |%n", source, w.images(), w.psnr(),
                w.ssim(), c.images(), c.psnr(), c.ssim());
    }
}
