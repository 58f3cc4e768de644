package dev.tessera.engine.eval;

import dev.tessera.engine.data.PhotoCorpus;
import dev.tessera.engine.data.PhotoHeldOut;
import dev.tessera.engine.tokenize.TokenizerCheckpoint;
import dev.tessera.engine.tokenize.TrainableTokenizer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped {@code photo-64} keeps what the README says of it on the held-out photographs:
 * a median of at least 24 dB whole and cropped, within 4,096 bits an image, far above the scene
 * tokenizer on the same images.
 */
class PhotoTokenizerTest {

    @Test
    void theShippedPhotoTokenizerReconstructsHeldOutPhotographsAtTwentyFourDecibelsOrMore() {
        PhotoHeldOut held = PhotoHeldOut.of(PhotoCorpus.installed(), 64);
        try (TrainableTokenizer<?> photo = TokenizerCheckpoint.pretrained("photo-64");
             TrainableTokenizer<?> scenes = TokenizerCheckpoint.pretrained("vq-shapes64")) {
            PhotoReport r = PhotoReport.evaluate(photo, held);
            assertThat(r.medians(true).psnr()).isGreaterThanOrEqualTo(24);
            assertThat(r.medians(false).psnr()).isGreaterThanOrEqualTo(24);
            assertThat(r.overall().meanBits()).isLessThanOrEqualTo(4096);
            assertThat(PhotoReport.evaluate(scenes, held).medians(true).psnr()).isLessThan(r.medians(true).psnr() - 8);
        }
    }
}
