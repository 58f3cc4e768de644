package dev.tessera.engine.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageFilesTest {

    @TempDir
    Path dir;

    @Test
    void readsAPngItWrote() throws Exception {
        Path p = dir.resolve("ok.png");
        BufferedImage img = new BufferedImage(7, 5, BufferedImage.TYPE_INT_RGB);
        img.setRGB(3, 2, 0xFF8800);
        ImageIO.write(img, "png", p.toFile());
        BufferedImage back = ImageFiles.read(p);
        assertThat(back.getWidth()).isEqualTo(7);
        assertThat(back.getRGB(3, 2) & 0xFFFFFF).isEqualTo(0xFF8800);
    }

    @Test
    void aMissingFileNamesThePath() {
        assertThatThrownBy(() -> ImageFiles.read(dir.resolve("none.png"))).isInstanceOf(ImageFileException.class)
                .hasMessageContaining("no file at").hasMessageContaining("none.png");
    }

    @Test
    void anEmptyFileSaysSo() throws Exception {
        Path p = Files.createFile(dir.resolve("empty.png"));
        assertThatThrownBy(() -> ImageFiles.read(p)).hasMessageContaining("empty (0 bytes)");
    }

    @Test
    void aTextFileIsNotAnImage() throws Exception {
        Path p = Files.writeString(dir.resolve("notes.png"), "hello, not a picture");
        assertThatThrownBy(() -> ImageFiles.read(p)).hasMessageContaining("not an image")
                .hasMessageContaining("PNG, JPEG, GIF or BMP");
    }

    @Test
    void aFolderIsNotAnImage() {
        assertThatThrownBy(() -> ImageFiles.read(dir)).hasMessageContaining("is a folder");
    }

    @Test
    void aTruncatedPngIsReportedAsBroken() throws Exception {
        Path ok = dir.resolve("ok.png");
        ImageIO.write(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB), "png", ok.toFile());
        byte[] bytes = Files.readAllBytes(ok);
        Path cut = Files.write(dir.resolve("cut.png"), Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> ImageFiles.read(cut)).hasMessageContaining("broken or truncated");
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeaderAlone() throws Exception {
        Path bomb = Files.write(dir.resolve("bomb.png"), AwkwardFiles.pngHeader(20000, 20000));
        assertThatThrownBy(() -> ImageFiles.read(bomb)).hasMessageContaining("20000x20000")
                .hasMessageContaining("megapixel limit");
    }

    @Test
    void bytesReadLikeTheFileTheyCameFromWithTheirNameInEveryMessage() throws Exception {
        Path p = dir.resolve("ok.png");
        BufferedImage img = new BufferedImage(7, 5, BufferedImage.TYPE_INT_RGB);
        img.setRGB(3, 2, 0xFF8800);
        ImageIO.write(img, "png", p.toFile());
        BufferedImage back = ImageFiles.read(Files.readAllBytes(p), "hdfs://data/ok.png");
        assertThat(back.getRGB(3, 2) & 0xFFFFFF).isEqualTo(0xFF8800);
        assertThatThrownBy(() -> ImageFiles.read(new byte[0], "s3://x/empty.png")).hasMessageContaining("s3://x/empty.png is empty");
        assertThatThrownBy(() -> ImageFiles.read("text".getBytes(), "row 7")).hasMessageContaining("row 7 is not an image");
        assertThatThrownBy(() -> ImageFiles.read(AwkwardFiles.pngHeader(20000, 20000), "bomb")).hasMessageContaining("20000x20000");
    }

    @Test
    void aPhotoshopCmykJpegOfCyanInkReadsAsCyan() throws Exception {
        Path p = AwkwardFiles.cmykJpeg(dir.resolve("print.jpg"), 40, 30, 255, 0, 0, 0);
        int rgb = ImageFiles.read(p).getRGB(20, 15);
        int r = (rgb >> 16) & 0xFF, g = (rgb >> 8) & 0xFF, b = rgb & 0xFF;
        assertThat(r).as("red of cyan ink").isLessThan(90);
        assertThat(g).as("green of cyan ink").isGreaterThan(120);
        assertThat(b).as("blue of cyan ink").isGreaterThan(180);
    }

    @Test
    void aSixteenBitPngIsRead() throws Exception {
        BufferedImage img = ImageFiles.read(AwkwardFiles.sixteenBitPng(dir.resolve("deep.png"), 33, 9));
        assertThat(img.getWidth()).isEqualTo(33);
        assertThat(img.getColorModel().getComponentSize(0)).isEqualTo(16);
    }

    @Test
    void aTruncatedJpegIsReportedAsBrokenThoughItsReaderOnlyWarns() throws Exception {
        Path whole = AwkwardFiles.largeJpeg(dir.resolve("whole.jpg"), 300, 200, 3);
        Path cut = AwkwardFiles.truncated(whole, dir.resolve("cut.jpg"));
        assertThat(ImageFiles.read(whole).getWidth()).isEqualTo(300);
        assertThatThrownBy(() -> ImageFiles.read(cut)).hasMessageContaining("broken or truncated");
    }

    @Test
    void aRealDecompressionBombIsRefusedBeforeItsPixelsAreDecoded() throws Exception {
        Path bomb = AwkwardFiles.bomb(dir.resolve("bomb.png"), 9000);
        assertThat(Files.size(bomb)).isLessThan(200_000);
        assertThatThrownBy(() -> ImageFiles.read(bomb)).hasMessageContaining("9000x9000").hasMessageContaining("megapixel limit");
    }
}
