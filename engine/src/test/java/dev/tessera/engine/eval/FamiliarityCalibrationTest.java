package dev.tessera.engine.eval;

import dev.tessera.engine.data.EvaluationSet;
import dev.tessera.engine.data.PhotoCorpus;
import dev.tessera.engine.data.PhotoHeldOut;
import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.tokenize.Familiarity;
import dev.tessera.engine.tokenize.TokenizerCheckpoint;
import dev.tessera.engine.tokenize.TrainableTokenizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped floors do what the README says: at most 1% of the 512 held-out evaluation scenes
 * flagged, every held-out photograph flagged, for the default tokenizer and the unified model's.
 */
class FamiliarityCalibrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"vq-shapes64", "fsq-shapes32"})
    void scenesPassAndPhotographsAreFlagged(String name) {
        Familiarity.Calibration c = Familiarity.Calibration.shipped(name);
        assertThat(c.floor()).as("%s has a calibrated floor", name).isBetween(10.0, 40.0);
        assertThat(c.instead()).isEqualTo("photo-64");
        try (TrainableTokenizer<?> t = TokenizerCheckpoint.pretrained(name)) {
            List<RgbImage> scenes = EvaluationSet.load(EvaluationSet.Source.SCENES, 512, t.imageSize()).images();
            assertThat(FamiliarityCalibration.flaggedShare(t, c, scenes)).isLessThanOrEqualTo(0.01);
            List<RgbImage> photos = PhotoHeldOut.of(PhotoCorpus.installed(), t.imageSize()).entries().stream()
                    .filter(PhotoHeldOut.Entry::whole).map(PhotoHeldOut.Entry::image).toList();
            assertThat(FamiliarityCalibration.flaggedShare(t, c, photos)).isEqualTo(1.0);
        }
    }

    @Test
    void aTokenizerWithoutCalibrationFlagsNothing() {
        Familiarity.Calibration none = Familiarity.Calibration.shipped("no-such-tokenizer");
        assertThat(none).isEqualTo(Familiarity.Calibration.NONE);
        assertThat(none.judge(1.0).outside()).isFalse();
        assertThat(none.judge(1.0).notice()).isEmpty();
        Familiarity low = new Familiarity.Calibration(20, "synthetic scenes", "photo-64").judge(12.5);
        assertThat(low.outside()).isTrue();
        assertThat(low.notice()).contains("12.5 dB").contains("20.0 dB").contains("--tokenizer photo-64");
        assertThat(new Familiarity.Calibration(20, "photographs", "").judge(12.5).notice()).doesNotContain("--tokenizer");
    }

    /** The floor belongs to the shipped weights: not to a user's tokenizer of the same name, nor to shipped weights changed since. */
    @Test
    void onlyTheShippedWeightsCarryTheShippedFloor() {
        try (TrainableTokenizer<?> mine = dev.tessera.engine.tokenize.GridTokenizer.create("vq-shapes64",
                dev.tessera.engine.tokenize.TokenizerConfig.shapes64(), 3);
             TrainableTokenizer<?> shipped = TokenizerCheckpoint.pretrained("vq-shapes64")) {
            assertThat(Familiarity.Calibration.of(mine)).isEqualTo(Familiarity.Calibration.NONE);
            assertThat(Familiarity.Calibration.of(shipped).floor()).isEqualTo(Familiarity.Calibration.shipped("vq-shapes64").floor());
            TokenizerCheckpoint.changed(shipped);
            assertThat(Familiarity.Calibration.of(shipped)).isEqualTo(Familiarity.Calibration.NONE);
        }
    }
}
