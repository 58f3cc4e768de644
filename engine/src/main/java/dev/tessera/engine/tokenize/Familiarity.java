package dev.tessera.engine.tokenize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Whether an image is like what a tokenizer was trained on, judged by how well the tokenizer
 * reconstructs it: a tokenizer trained on flat synthetic scenes turns a photograph into a blur
 * (9–13 dB where its held-out scenes get about 30), and every model reading its ids then works
 * from that blur. Each shipped tokenizer carries a PSNR floor measured on held-out images of its
 * own kind ({@code familiarity.json} in its checkpoint folder, written by {@code eval-tokenizer
 * --calibrate}): the lowest PSNR of 2,048 held-out images that are not the 512 evaluation ones, less
 * {@value #MARGIN_DB} dB. A reconstruction below it is flagged, and the notice names the tokenizer
 * made for such images.
 *
 * @param psnr      this image's reconstruction PSNR, dB
 * @param floor     the tokenizer's floor, dB (NaN when the tokenizer has none: never flagged)
 * @param trainedOn what the tokenizer learned from, in words ("synthetic scenes", "photographs")
 * @param instead   the tokenizer to use for images of the other kind (e.g. {@code photo-64}), or empty
 */
public record Familiarity(double psnr, double floor, String trainedOn, String instead) {

    /** dB below the lowest held-out PSNR where the floor sits. */
    public static final double MARGIN_DB = 1.0;

    /** The calibration of one tokenizer, as stored in its {@code familiarity.json}. */
    public record Calibration(double floor, String trainedOn, String instead) {

        /** No calibration: nothing is ever flagged. */
        public static final Calibration NONE = new Calibration(Double.NaN, "its training data", "");

        /**
         * {@code t}'s calibration: the shipped one of its name when {@code t} is a shipped checkpoint
         * ({@link TokenizerCheckpoint#isShipped}), else {@link #NONE} (a floor measured on other weights
         * would not apply).
         */
        public static Calibration of(ImageTokenizer<?> t) {
            return TokenizerCheckpoint.isShipped(t) ? shipped(t.name()) : NONE;
        }

        /** The shipped tokenizer {@code name}'s calibration, or {@link #NONE} when it has none (read once). */
        public static Calibration shipped(String name) {
            return READ.computeIfAbsent(name, Calibration::read);
        }

        private static Calibration read(String name) {
            String resource = "/dev/tessera/engine/checkpoints/" + name + "/familiarity.json";
            try (InputStream in = Familiarity.class.getResourceAsStream(resource)) {
                if (in == null) {
                    return NONE;
                }
                JsonNode n = new ObjectMapper().readTree(in);
                return new Calibration(n.path("psnrFloor").asDouble(Double.NaN), n.path("trainedOn").asText("its training data"),
                        n.path("instead").asText(""));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }

        /** This calibration applied to one reconstruction. */
        public Familiarity judge(double psnr) {
            return new Familiarity(psnr, floor, trainedOn, instead);
        }
    }

    /** True when the reconstruction is below the floor: the image is unlike the tokenizer's training data. */
    public boolean outside() {
        return !Double.isNaN(floor) && psnr < floor;
    }

    private static final java.util.Map<String, Calibration> READ = new java.util.concurrent.ConcurrentHashMap<>();

    /** One sentence for a user: empty when the image is familiar. */
    public String notice() {
        if (!outside()) {
            return "";
        }
        return String.format(Locale.ROOT, "This image is outside what the tokenizer learned (%s): it reconstructs at %.1f dB, "
                + "below the %.1f dB that every held-out image of its kind reaches, so its tokens describe a blur.%s",
                trainedOn, psnr, floor, instead.isEmpty() ? "" : " Use --tokenizer " + instead + " for images like this one.");
    }

    /**
     * The notice for a model that reads images through the tokenizer (the unified model): empty
     * when the image is familiar. The model cannot read another tokenizer's ids, so it names no
     * option of its own, only where to see what a photo tokenizer keeps.
     */
    public String modelNotice() {
        if (!outside()) {
            return "";
        }
        return String.format(Locale.ROOT, "This image is outside what the model learned (%s): its image tokenizer reconstructs it "
                + "at %.1f dB, below the %.1f dB of every held-out image of its kind, so any caption or answer would describe a "
                + "blur.%s", trainedOn, psnr, floor, instead.isEmpty() ? ""
                : " To see what a tokenizer made for such images keeps: %tessera tokenize IMAGE --tokenizer " + instead + ".");
    }
}
