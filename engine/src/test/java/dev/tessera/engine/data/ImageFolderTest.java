package dev.tessera.engine.data;

import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.io.ImageFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ImageFolderTest {

    @TempDir
    Path dir;

    @Test
    void aFlatFolderIsOneUnlabelledSetInNameOrder() throws Exception {
        write(rgb(5, 3, 0x102030), "png", dir.resolve("b.png"));
        write(rgb(4, 4, 0xFF0000), "bmp", dir.resolve("a.BMP"));
        write(rgb(6, 2, 0x00FF00), "png", dir.resolve("c.png"));
        Files.writeString(dir.resolve(".hidden.png"), "ignored");
        ImageFolderResult r = ImageFolder.read(dir, ImageLoadOptions.all());
        LabelledImages set = r.images();
        assertThat(set.classes()).isEmpty();
        assertThat(set.items()).extracting(i -> Path.of(i.source()).getFileName().toString()).containsExactly("a.BMP", "b.png", "c.png");
        assertThat(set.get(0).isLabelled()).isFalse();
        assertThat(set.get(1).image().width()).isEqualTo(5);
        assertThat(set.get(1).image().at(0, 2, 1)).isEqualTo(0x10 / 255f);
        assertThat(r.complete()).isTrue();
        assertThat(set.toString()).contains("3 images of mixed sizes");
    }

    @Test
    void subfoldersAreClassesAndStrayFilesAreReported() throws Exception {
        Path cat = Files.createDirectories(dir.resolve("cat"));
        Path dog = Files.createDirectories(dir.resolve("dog"));
        Files.createDirectories(dir.resolve("empty"));
        write(rgb(8, 8, 0x111111), "png", cat.resolve("c1.png"));
        write(rgb(8, 8, 0x222222), "jpg", cat.resolve("c2.jpg"));
        write(rgb(8, 8, 0x333333), "gif", dog.resolve("d1.gif"));
        write(rgb(8, 8, 0x444444), "png", dir.resolve("stray.png"));
        Files.createDirectories(dog.resolve("puppies"));
        Files.writeString(dog.resolve("notes.txt"), "not an image");
        ImageFolderResult r = ImageFolder.read(dir, ImageLoadOptions.resizedTo(4));
        LabelledImages set = r.images();
        assertThat(set.classes()).containsExactly("cat", "dog", "empty");
        assertThat(set.labels()).containsExactly(0, 0, 1);
        assertThat(set.get(2).labelName()).isEqualTo("dog");
        assertThat(set.classCounts()).containsExactly(2, 1, 0);
        assertThat(set.get(2).image().width()).isEqualTo(4);
        assertThat(r.skipped()).extracting(s -> s.path().getFileName().toString())
                .containsExactlyInAnyOrder("stray.png", "puppies", "notes.txt");
        assertThat(r.report()).contains("cat 2, dog 1, empty 0").contains("skipped 3 file(s)")
                .contains("outside the class folders").contains("one level deep").contains("not a PNG, JPEG, GIF or BMP");
    }

    @Test
    void brokenFilesAreSkippedAndReportedOrMadeFatalOnRequest() throws Exception {
        write(rgb(64, 64, 0x808080), "png", dir.resolve("a.png"));
        byte[] png = Files.readAllBytes(dir.resolve("a.png"));
        Files.write(dir.resolve("b-cut.png"), Arrays.copyOf(png, png.length / 2));
        Files.writeString(dir.resolve("c-text.jpg"), "hello");
        Files.createFile(dir.resolve("d-empty.gif"));
        ImageFolderResult r = ImageFolder.read(dir, ImageLoadOptions.all());
        assertThat(r.images().size()).isEqualTo(1);
        assertThat(r.skipped()).hasSize(3);
        assertThat(r.report()).contains("b-cut.png").contains("broken or truncated").contains("c-text.jpg")
                .contains("not an image").contains("empty (0 bytes)");
        assertThatThrownBy(r::requireNoneSkipped).isInstanceOf(ImageFileException.class)
                .hasMessageContaining("3 file(s) could not be used").hasMessageContaining("b-cut.png");
    }

    @Test
    void aLimitStopsDecodingSoLaterBrokenFilesAreNeverOpened() throws Exception {
        for (int i = 0; i < 4; i++) {
            write(rgb(4, 4, 0x010101 * i), "png", dir.resolve("img" + i + ".png"));
        }
        Files.writeString(dir.resolve("img9.png"), "broken, but after the limit");
        ImageFolderResult r = ImageFolder.read(dir, ImageLoadOptions.all().withLimit(2));
        assertThat(r.images().size()).isEqualTo(2);
        assertThat(r.complete()).isTrue();
    }

    @Test
    void greyPngsKeepTheirValueAtEightAndSixteenBits() throws Exception {
        BufferedImage g8 = new BufferedImage(12, 12, BufferedImage.TYPE_BYTE_GRAY);
        fill(g8.getRaster(), 0, 128);
        BufferedImage g16 = new BufferedImage(12, 12, BufferedImage.TYPE_USHORT_GRAY);
        fill(g16.getRaster(), 0, 1000 * 65);
        write(g8, "png", dir.resolve("g8.png"));
        write(g16, "png", dir.resolve("g16.png"));
        LabelledImages set = ImageFolder.read(dir, ImageLoadOptions.all()).images();
        assertThat(set.get(0).image().at(1, 5, 5)).isCloseTo(1000 * 65 / 65535f, within(1e-6f));
        assertThat(set.get(1).image().at(1, 5, 5)).isCloseTo(128 / 255f, within(1e-6f));
        LabelledImages small = ImageFolder.read(dir, ImageLoadOptions.resizedTo(6)).images();
        assertThat(small.get(1).image().at(0, 3, 3)).isCloseTo(128 / 255f, within(1e-6f));
    }

    @Test
    void alphaAndPaletteTransparencyBecomeBlack() throws Exception {
        BufferedImage argb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 0xFFFF0000);
        argb.setRGB(1, 0, 0x00FF0000);
        write(argb, "png", dir.resolve("a-rgba.png"));
        ComponentColorModel greyAlpha = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), true, false,
                Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
        WritableRaster ga = greyAlpha.createCompatibleWritableRaster(2, 1);
        ga.setPixel(0, 0, new int[] {200, 255});
        ga.setPixel(1, 0, new int[] {200, 0});
        write(new BufferedImage(greyAlpha, ga, false, null), "png", dir.resolve("b-grey-alpha.png"));
        IndexColorModel palette = new IndexColorModel(8, 2, new byte[] {(byte) 200, 10}, new byte[] {100, 20},
                new byte[] {50, 30}, 0);
        BufferedImage indexed = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_INDEXED, palette);
        indexed.getRaster().setSample(1, 0, 0, 1);
        write(indexed, "png", dir.resolve("c-palette.png"));
        LabelledImages set = ImageFolder.read(dir, ImageLoadOptions.all()).images();
        RgbImage rgba = set.get(0).image();
        RgbImage grey = set.get(1).image();
        RgbImage pal = set.get(2).image();
        assertThat(rgba.at(0, 0, 0)).isEqualTo(1f);
        assertThat(rgba.at(0, 1, 0)).isZero();
        assertThat(grey.at(2, 0, 0)).isCloseTo(200 / 255f, within(1e-6f));
        assertThat(grey.at(2, 1, 0)).isZero();
        assertThat(pal.at(0, 0, 0)).isZero();
        assertThat(pal.at(2, 1, 0)).isCloseTo(30 / 255f, within(1e-6f));
    }

    @Test
    void sixteenBitColourAndGreyJpegAreRead() throws Exception {
        ComponentColorModel rgb16 = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster r = rgb16.createCompatibleWritableRaster(3, 3);
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 3; x++) {
                r.setPixel(x, y, new int[] {128 * 257, 50 * 257, 65535});
            }
        }
        write(new BufferedImage(rgb16, r, false, null), "png", dir.resolve("a-rgb16.png"));
        BufferedImage grey = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
        fill(grey.getRaster(), 0, 100);
        write(grey, "jpg", dir.resolve("b-grey.jpg"));
        LabelledImages set = ImageFolder.read(dir, ImageLoadOptions.all()).images();
        RgbImage c16 = set.get(0).image();
        assertThat(c16.at(0, 1, 1)).isCloseTo(128 / 255f, within(1e-6f));
        assertThat(c16.at(1, 1, 1)).isCloseTo(50 / 255f, within(1e-6f));
        assertThat(c16.at(2, 1, 1)).isEqualTo(1f);
        assertThat(set.get(1).image().at(1, 8, 8)).isCloseTo(100 / 255f, within(2 / 255f));
    }

    @Test
    void foldersWithoutImagesAndBadPathsAreErrorsWithAFix() throws Exception {
        assertThatThrownBy(() -> ImageFolder.read(dir.resolve("nowhere"), ImageLoadOptions.all()))
                .isInstanceOf(ImageFileException.class).hasMessageContaining("no folder at");
        Path file = Files.writeString(dir.resolve("one.png"), "x");
        assertThatThrownBy(() -> ImageFolder.read(file, ImageLoadOptions.all())).hasMessageContaining("is a file, not a folder");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> ImageFolder.read(empty, ImageLoadOptions.all())).hasMessageContaining("holds no readable image")
                .hasMessageContaining("bmp, gif, jpeg, jpg, png");
        Path broken = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(broken.resolve("x.png"), "not a png");
        assertThatThrownBy(() -> ImageFolder.read(broken, ImageLoadOptions.all())).hasMessageContaining("x.png")
                .hasMessageContaining("not an image");
    }

    private static BufferedImage rgb(int w, int h, int colour) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, colour);
            }
        }
        return img;
    }

    private static void fill(WritableRaster r, int band, int value) {
        for (int y = 0; y < r.getHeight(); y++) {
            for (int x = 0; x < r.getWidth(); x++) {
                r.setSample(x, y, band, value);
            }
        }
    }

    private static void write(BufferedImage img, String format, Path path) throws Exception {
        if (!ImageIO.write(img, format, path.toFile())) {
            throw new IllegalStateException("no " + format + " writer for " + img);
        }
    }
}
