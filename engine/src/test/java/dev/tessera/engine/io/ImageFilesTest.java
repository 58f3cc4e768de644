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
        Path bomb = Files.write(dir.resolve("bomb.png"), pngHeader(20000, 20000));
        assertThatThrownBy(() -> ImageFiles.read(bomb)).hasMessageContaining("20000x20000")
                .hasMessageContaining("megapixel limit");
    }

    /** A PNG signature and a valid IHDR chunk declaring the given size, with no pixel data. */
    static byte[] pngHeader(int w, int h) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        DataOutputStream c = new DataOutputStream(chunk);
        c.writeBytes("IHDR");
        c.writeInt(w);
        c.writeInt(h);
        c.write(new byte[] {8, 2, 0, 0, 0});
        byte[] data = chunk.toByteArray();
        out.writeInt(13);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(data);
        out.writeInt((int) crc.getValue());
        return bytes.toByteArray();
    }
}
