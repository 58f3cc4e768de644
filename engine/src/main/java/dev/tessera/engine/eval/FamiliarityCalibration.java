package dev.tessera.engine.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tessera.engine.data.PhotoCorpus;
import dev.tessera.engine.data.PhotoCrops;
import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.data.Scene;
import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.tokenize.Familiarity;
import dev.tessera.engine.tokenize.ImageTokenizer;
import dev.tessera.engine.tokenize.ImageTokens;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures a tokenizer's {@link Familiarity} floor: the lowest reconstruction PSNR over
 * {@value #IMAGES} held-out images of the kind it was trained on, less {@link Familiarity#MARGIN_DB}.
 * The calibration images are never the evaluation ones: held-out scenes {@code 512..2559} (the
 * evaluation uses {@code 0..511}), or crops of the held-out photographs drawn with another seed
 * than {@link dev.tessera.engine.data.PhotoHeldOut}'s.
 */
public final class FamiliarityCalibration {

    /** Calibration images. */
    public static final int IMAGES = 2048;
    /** The first held-out scene index used for calibration (after the evaluation's 512). */
    public static final int FIRST_SCENE = 512;

    private FamiliarityCalibration() {
    }

    /** Held-out scenes of {@code size} pixels that the evaluation does not use. */
    public static List<RgbImage> scenes(int size) {
        return new SceneGenerator(SceneConfig.heldOut64().withSize(size)).scenes(FIRST_SCENE, IMAGES).stream()
                .map(Scene::image).toList();
    }

    /** Crops of the held-out photographs, {@code IMAGES} in all, seeded apart from the evaluation's. */
    public static List<RgbImage> photos(int size) {
        return new PhotoCrops(PhotoCorpus.installed().heldOut(), size, 0xCA1B).images(0, IMAGES);
    }

    /** The floor from {@code images} (held-out images of the tokenizer's own kind). */
    public static <T extends ImageTokens> Familiarity.Calibration calibrate(ImageTokenizer<T> tokenizer, List<RgbImage> images,
                                                                           String trainedOn, String instead) {
        double lowest = psnrs(tokenizer, images).stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        return new Familiarity.Calibration(lowest - Familiarity.MARGIN_DB, trainedOn, instead);
    }

    /** The share of {@code images} the calibration flags. */
    public static <T extends ImageTokens> double flaggedShare(ImageTokenizer<T> tokenizer, Familiarity.Calibration c,
                                                             List<RgbImage> images) {
        return psnrs(tokenizer, images).stream().filter(p -> c.judge(p).outside()).count() / (double) images.size();
    }

    /** Reconstruction PSNR of every image, in order. */
    public static <T extends ImageTokens> List<Double> psnrs(ImageTokenizer<T> tokenizer, List<RgbImage> images) {
        List<Double> out = new ArrayList<>();
        for (int from = 0; from < images.size(); from += 64) {
            List<RgbImage> batch = images.subList(from, Math.min(images.size(), from + 64));
            List<RgbImage> recon = tokenizer.decode(tokenizer.encode(batch));
            for (int i = 0; i < batch.size(); i++) {
                out.add(ImageMetrics.psnr(batch.get(i), recon.get(i)));
            }
        }
        return out;
    }

    /** Writes {@code c} as a checkpoint's {@code familiarity.json}, with how it was made. */
    public static void write(Familiarity.Calibration c, String command, Map<String, Object> measured, Path file) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("psnrFloor", c.floor());
        json.put("trainedOn", c.trainedOn());
        json.put("instead", c.instead());
        json.put("rule", "lowest PSNR of " + IMAGES + " held-out calibration images less " + Familiarity.MARGIN_DB + " dB");
        json.put("command", command);
        json.putAll(measured);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
    }
}
