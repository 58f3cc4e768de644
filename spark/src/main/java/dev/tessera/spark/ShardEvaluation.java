package dev.tessera.spark;

import dev.tessera.engine.corpus.CodebookUsage;
import dev.tessera.engine.corpus.CorpusItem;
import dev.tessera.engine.corpus.CorpusTokenizer;
import dev.tessera.engine.corpus.TokenizedImage;
import dev.tessera.engine.corpus.TokenizerRef;
import dev.tessera.engine.eval.ImageMetrics;
import dev.tessera.engine.eval.PhotoReport;
import dev.tessera.engine.eval.Ssim;
import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.io.ImageFileException;
import dev.tessera.engine.io.ImageFiles;
import dev.tessera.engine.tokenize.GridTokenizer;
import dev.tessera.engine.tokenize.TokenGrid;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * A tokenizer evaluated from token shards on disk (photo shards, for instance): each row's ids are
 * decoded by the tokenizer that wrote them (its weights' SHA-256 checked) and compared with its
 * source image, read again and scaled as it was then. PSNR and SSIM medians per source folder and
 * overall, the codebook's use, and a check that each recomputed PSNR equals the one the job
 * stored (a source changed since it was tokenized shows as a mismatch). The ids are not encoded
 * again: what is scored is what the shards hold.
 */
public final class ShardEvaluation {

    /** Images decoded per call. */
    static final int BATCH = 64;
    /**
     * Recomputed and stored PSNR further apart than this (dB) count as a mismatch: far above the
     * rounding of a decode on another libtorch thread count, far below a changed picture.
     */
    static final double PSNR_TOLERANCE = 1e-3;

    private ShardEvaluation() {
    }

    /** Median PSNR and SSIM of a group of images. */
    public record Group(String name, int images, double medianPsnr, double medianSsim) {
    }

    /**
     * @param shards         the folder evaluated
     * @param tokenizer      the tokenizer that wrote it
     * @param rows           rows read
     * @param errors         error rows among them (not scored)
     * @param missing        rows whose source could no longer be read (not scored)
     * @param psnrMismatches scored rows whose stored PSNR differs from the recomputed one
     * @param groups         per source folder
     * @param overall        all scored images
     * @param usage          the codebook's use over the rows without error
     */
    public record Report(String shards, String tokenizer, long rows, long errors, long missing, long psnrMismatches,
                         List<Group> groups, Group overall, CodebookUsage usage) {

        /** A markdown table of the groups and the overall line, then the codebook's use. */
        public String table() {
            StringBuilder s = new StringBuilder("| source folder | images | median PSNR | median SSIM |\n|---|---:|---:|---:|\n");
            for (Group g : groups) {
                s.append(String.format(Locale.ROOT, "| %s | %d | %.2f dB | %.3f |%n", g.name(), g.images(), g.medianPsnr(), g.medianSsim()));
            }
            s.append(String.format(Locale.ROOT, "| **all** | %d | **%.2f dB** | %.3f |%n%n", overall.images(), overall.medianPsnr(),
                    overall.medianSsim()));
            s.append(String.format(Locale.ROOT, "%d rows, %d error rows, %d sources no longer readable, %d stored PSNRs differing from"
                    + " the recomputed ones.%n%s%n", rows, errors, missing, psnrMismatches, usage));
            return s.toString();
        }
    }

    /** Evaluates the shards under {@code shards}. */
    public static Report evaluate(String shards, Configuration conf) {
        List<TokenizedImage> pending = new ArrayList<>();
        List<TokenizedImage> all = new ArrayList<>();
        Map<String, List<double[]>> scores = new TreeMap<>();
        long[] counts = new long[4];  // rows, errors, missing, mismatches
        GridTokenizer tokenizer = null;
        String name = null;
        try (ShardRows rows = new ShardRows(shards, conf)) {
            while (rows.hasNext()) {
                TokenizedImage r = rows.next();
                counts[0]++;
                if (!r.ok()) {
                    counts[1]++;
                    continue;
                }
                if (tokenizer == null) {
                    TokenizerRef ref = new TokenizerRef(r.tokenizer());
                    if (!ref.checkpointHash().equals(r.checkpoint())) {
                        throw new IllegalArgumentException(shards + " was written by weights " + r.checkpoint().substring(0, 12)
                                + "..., and the tokenizer named " + r.tokenizer() + " now has other weights; evaluate with the"
                                + " checkpoint that wrote the shards");
                    }
                    tokenizer = ref.load();
                    name = r.tokenizer();
                } else if (!r.tokenizer().equals(name)) {
                    throw new IllegalArgumentException(shards + " mixes tokenizers (" + name + ", " + r.tokenizer() + "); evaluate one at a time");
                }
                all.add(new TokenizedImage(r.source(), r.width(), r.height(), r.tokenizer(), r.checkpoint(), r.grid(), r.levels(),
                        r.ids(), Double.NaN, null, null));
                pending.add(r);
                if (pending.size() == BATCH) {
                    score(tokenizer, pending, conf, scores, counts);
                    pending.clear();
                }
            }
            if (!pending.isEmpty()) {
                score(tokenizer, pending, conf, scores, counts);
            }
        } finally {
            if (tokenizer != null) {
                tokenizer.close();
            }
        }
        List<Group> groups = new ArrayList<>();
        List<double[]> every = new ArrayList<>();
        scores.forEach((folder, s) -> {
            groups.add(group(folder, s));
            every.addAll(s);
        });
        CodebookUsage usage = CodebookUsage.of(all, tokenizer == null ? 1 : tokenizer.codebookSize());
        return new Report(shards, name, counts[0], counts[1], counts[2], counts[3], groups, group("all", every), usage);
    }

    private static void score(GridTokenizer tokenizer, List<TokenizedImage> rows, Configuration conf,
                              Map<String, List<double[]>> scores, long[] counts) {
        List<TokenGrid> grids = new ArrayList<>();
        for (TokenizedImage r : rows) {
            grids.add(new TokenGrid(r.grid(), r.grid(), r.levels(), r.ids(), tokenizer.codebookSize()));
        }
        List<RgbImage> recon = tokenizer.decode(grids);
        for (int i = 0; i < rows.size(); i++) {
            TokenizedImage r = rows.get(i);
            CorpusItem item = CorpusFiles.read(r.source(), conf, null);
            RgbImage input;
            try {
                if (item.readError() != null) {
                    throw new ImageFileException(item.readError());
                }
                input = CorpusTokenizer.input(ImageFiles.read(item.content(), item.source()), tokenizer.imageSize());
            } catch (ImageFileException e) {
                counts[2]++;
                continue;
            }
            double psnr = ImageMetrics.psnr(input, recon.get(i));
            if (!Double.isNaN(r.psnr()) && Math.abs(psnr - r.psnr()) > PSNR_TOLERANCE) {
                counts[3]++;
            }
            String folder = new org.apache.hadoop.fs.Path(r.source()).getParent().getName();
            scores.computeIfAbsent(folder, k -> new ArrayList<>()).add(new double[] {psnr, Ssim.of(input, recon.get(i))});
        }
    }

    private static Group group(String name, List<double[]> s) {
        return new Group(name, s.size(), PhotoReport.median(s.stream().mapToDouble(v -> v[0]).toArray()),
                PhotoReport.median(s.stream().mapToDouble(v -> v[1]).toArray()));
    }

    /** {@code evaluate}: a tokenizer scored from its shards. */
    @picocli.CommandLine.Command(name = "evaluate", mixinStandardHelpOptions = true,
            description = "Score the tokenizer that wrote the shards: decode their ids, compare with the source images (PSNR, SSIM per source folder).")
    static final class Command implements Callable<Integer> {
        @Option(names = "--shards", required = true, description = "The shards' folder.")
        String shards;

        @Override
        public Integer call() {
            System.out.print(evaluate(shards, new Configuration()).table());
            return 0;
        }
    }
}
