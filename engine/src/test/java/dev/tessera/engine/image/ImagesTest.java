package dev.tessera.engine.image;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ImagesTest {

    @Test
    void rgbRoundTripIsExactForEightBitValues() {
        BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, 0x102030);
        img.setRGB(2, 1, 0xFFFFFF);
        BufferedImage back = Images.toBuffered(Images.fromBuffered(img));
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                assertThat(back.getRGB(x, y)).isEqualTo(img.getRGB(x, y));
            }
        }
    }

    @Test
    void planesAreChannelMajor() {
        BufferedImage img = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        img.setRGB(1, 0, 0xFF0000);
        RgbImage r = Images.fromBuffered(img);
        assertThat(r.pixels()).containsExactly(0f, 1f, 0f, 0f, 0f, 0f);
    }

    @Test
    void centreSquareCropsTheMiddleOfAWideImage() {
        // 300x100: red left third, green middle, blue right third -> the square is all green
        BufferedImage img = new BufferedImage(300, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 100, 100);
        g.setColor(Color.GREEN);
        g.fillRect(100, 0, 100, 100);
        g.setColor(Color.BLUE);
        g.fillRect(200, 0, 100, 100);
        g.dispose();
        RgbImage sq = Images.fromBuffered(Images.centreSquare(img, 64));
        assertThat(sq.width()).isEqualTo(64);
        assertThat(sq.height()).isEqualTo(64);
        assertThat(sq.at(1, 0, 0)).isCloseTo(1f, within(0.02f));
        assertThat(sq.at(0, 63, 63)).isCloseTo(0f, within(0.02f));
    }

    @Test
    void greyPaletteAlphaAndSixteenBitImagesAllBecomeRgb() {
        BufferedImage[] kinds = {
            new BufferedImage(40, 30, BufferedImage.TYPE_BYTE_GRAY),
            new BufferedImage(40, 30, BufferedImage.TYPE_USHORT_GRAY),
            new BufferedImage(40, 30, BufferedImage.TYPE_BYTE_INDEXED),
            new BufferedImage(40, 30, BufferedImage.TYPE_INT_ARGB),
        };
        for (BufferedImage k : kinds) {
            Graphics2D g = k.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 40, 30);
            g.dispose();
            RgbImage r = Images.fromBuffered(Images.centreSquare(k, 16));
            assertThat(r.width()).isEqualTo(16);
            assertThat(r.at(0, 8, 8)).isCloseTo(1f, within(0.02f));
        }
    }

    @Test
    void transparentPixelsBecomeBlack() {
        BufferedImage clear = new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB);
        RgbImage r = Images.fromBuffered(Images.centreSquare(clear, 8));
        assertThat(r.at(0, 3, 3)).isZero();
    }

    @Test
    void midGreyKeepsItsStoredValue() {
        // AWT's getRGB and drawImage treat grey as linear light and turn 128 into 188
        BufferedImage grey = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
        fillGrey(grey.getRaster(), 128);
        BufferedImage grey16 = new BufferedImage(16, 16, BufferedImage.TYPE_USHORT_GRAY);
        fillGrey(grey16.getRaster(), 128 * 257);
        for (BufferedImage img : new BufferedImage[] {grey, grey16}) {
            assertThat(Images.fromBuffered(img).at(1, 3, 3)).isCloseTo(128 / 255f, within(1e-6f));
            assertThat(Images.fromBuffered(Images.centreSquare(img, 8)).at(2, 3, 3)).isCloseTo(128 / 255f, within(1e-6f));
        }
    }

    @Test
    void greyWithAlphaIsCompositedOverBlack() {
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), true, false,
                Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
        WritableRaster r = cm.createCompatibleWritableRaster(2, 1);
        r.setSample(0, 0, 0, 200);
        r.setSample(0, 0, 1, 255);
        r.setSample(1, 0, 0, 200);
        r.setSample(1, 0, 1, 51);
        RgbImage img = Images.fromBuffered(new BufferedImage(cm, r, false, null));
        assertThat(img.at(0, 0, 0)).isCloseTo(200 / 255f, within(1e-6f));
        assertThat(img.at(0, 1, 0)).isCloseTo(200 / 255f * 0.2f, within(1e-6f));
    }

    @Test
    void colourAlphaIsCompositedOverBlackWithoutResizeToo() {
        BufferedImage img = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, 0x33FF8000);
        RgbImage r = Images.fromBuffered(img);
        assertThat(r.at(0, 0, 0)).isCloseTo(0.2f, within(1e-6f));
        assertThat(r.at(1, 0, 0)).isCloseTo(0.2f * 128 / 255f, within(1e-6f));
        assertThat(r.at(2, 0, 0)).isZero();
    }

    private static void fillGrey(WritableRaster r, int value) {
        for (int y = 0; y < r.getHeight(); y++) {
            for (int x = 0; x < r.getWidth(); x++) {
                r.setSample(x, y, 0, value);
            }
        }
    }

    @Test
    void sourceParsingTellsSamplesFromFiles() {
        assertThat(ImageSource.parse("sample:3")).isEqualTo(new ImageSource.Sample(3));
        assertThat(ImageSource.parse(" pics/cat.png ")).isInstanceOf(ImageSource.File.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ImageSource.parse("sample:x"))
                .hasMessageContaining("sample:N");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ImageSource.parse("sample:-1"))
                .hasMessageContaining(">= 0");
    }
}
