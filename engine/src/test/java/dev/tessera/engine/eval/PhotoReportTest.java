package dev.tessera.engine.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PhotoReportTest {

    @Test
    void mediansAreTheMiddleValueOrTheMeanOfTheTwoMiddleOnes() {
        assertThat(PhotoReport.median(new double[] {3, 1, 2})).isEqualTo(2);
        assertThat(PhotoReport.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
        assertThat(PhotoReport.median(new double[0])).isNaN();
    }

    @Test
    void wholePhotosAndCropsAreSummarisedApartPerSource() {
        List<PhotoReport.Row> rows = List.of(new PhotoReport.Row("a/1", "a", true, 20, 0.5),
                new PhotoReport.Row("a/1", "a", false, 30, 0.9), new PhotoReport.Row("a/1", "a", false, 10, 0.1),
                new PhotoReport.Row("b/2", "b", true, 24, 0.7), new PhotoReport.Row("b/2", "b", false, 26, 0.8));
        PhotoReport r = new PhotoReport(rows, null);
        assertThat(r.medians(true).psnr()).isCloseTo(22, within(1e-9));
        assertThat(r.medians(false).images()).isEqualTo(3);
        assertThat(r.medians(false).psnr()).isEqualTo(26);
        assertThat(r.bySource(false).get("a").psnr()).isEqualTo(20);
        assertThat(r.bySource(true).keySet()).containsExactly("a", "b");
    }
}
