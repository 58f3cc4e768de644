package dev.tessera.spark;

import dev.tessera.engine.data.Photo;
import dev.tessera.engine.data.PhotoCorpus;
import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.image.Images;
import dev.tessera.engine.io.AwkwardFiles;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A folder of 1,064 usable image files of mixed kinds (scene PNGs and JPEGs in nested folders, the
 * 74 photographs of the Debian photo packages, large wallpapers among them, CMYK JPEGs, 16-bit PNGs,
 * wallpaper-sized JPEGs, GIFs, BMPs) and {@value #BAD} files
 * that are not (truncated PNGs and JPEGs, two decompression bombs, text, an empty file, a WebP a
 * JVM cannot read, a text file named .png), plus a hidden file that is no part of the corpus.
 */
final class MixedFolder {

    static final int GOOD = 990 + 74;
    static final int BAD = 17;

    final Path root;
    final List<String> bad = new ArrayList<>();

    MixedFolder(Path root) throws IOException {
        this.root = root;
        SceneGenerator scenes = new SceneGenerator(new SceneConfig(64, 1, 3, 41));
        int good = 0;
        for (int i = 0; i < 900; i++) {
            Path dir = Files.createDirectories(root.resolve("scenes/part" + (i / 300)));
            write(scenes.scene(i).image(), "png", dir.resolve(String.format("scene-%04d.png", i)));
            good++;
        }
        Path jpegs = Files.createDirectories(root.resolve("jpeg"));
        for (int i = 0; i < 60; i++) {
            write(scenes.scene(1000 + i).image(), "jpeg", jpegs.resolve(String.format("scene-%03d.jpg", i)));
            good++;
        }
        Path odd = Files.createDirectories(root.resolve("odd"));
        for (int i = 0; i < 8; i++) {
            AwkwardFiles.cmykJpeg(odd.resolve("cmyk-" + i + ".jpg"), 80 + 10 * i, 60, 30 * i, 255 - 30 * i, 60, 20);
            AwkwardFiles.sixteenBitPng(odd.resolve("deep-" + i + ".png"), 70 + i, 50);
            good += 2;
        }
        for (int i = 0; i < 4; i++) {
            AwkwardFiles.largeJpeg(odd.resolve("wallpaper-" + i + ".jpg"), 2560, 1440, i);
            good++;
        }
        for (int i = 0; i < 5; i++) {
            write(scenes.scene(2000 + i).image(), "gif", odd.resolve("scene-" + i + ".gif"));
            write(scenes.scene(3000 + i).image(), "bmp", odd.resolve("scene-" + i + ".bmp"));
            good += 2;
        }
        Path photos = Files.createDirectories(root.resolve("photos"));
        for (Photo p : PhotoCorpus.installed().all()) {
            Files.copy(p.path(), photos.resolve(p.id().replace('/', '_')));
            good++;
        }
        Path broken = Files.createDirectories(root.resolve("broken"));
        for (int i = 0; i < 5; i++) {
            bad(AwkwardFiles.truncated(root.resolve(String.format("scenes/part0/scene-%04d.png", i)), broken.resolve("cut-" + i + ".png")));
            bad(AwkwardFiles.truncated(jpegs.resolve(String.format("scene-%03d.jpg", i)), broken.resolve("cut-" + i + ".jpg")));
        }
        bad(AwkwardFiles.bomb(broken.resolve("bomb.png"), 9000));
        bad(Files.write(broken.resolve("header-bomb.png"), AwkwardFiles.pngHeader(30000, 30000)));
        bad(Files.writeString(broken.resolve("notes.txt"), "a note, not a picture"));
        bad(Files.writeString(broken.resolve("table.csv"), "a,b\n1,2\n"));
        bad(Files.createFile(broken.resolve("empty.jpg")));
        bad(Files.write(broken.resolve("photo.webp"), new byte[] {'R', 'I', 'F', 'F', 40, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', ' '}));
        bad(Files.writeString(broken.resolve("text.png"), "this is text with a picture's name"));
        Files.writeString(root.resolve(".DS_Store"), "hidden: not part of the corpus");
        if (good != GOOD || bad.size() != BAD) {
            throw new IllegalStateException("fixture miscounted: " + good + " good, " + bad.size() + " bad");
        }
    }

    private void bad(Path p) {
        bad.add(p.toString());
    }

    private static void write(dev.tessera.engine.image.RgbImage img, String format, Path file) throws IOException {
        BufferedImage b = Images.toBuffered(img);
        if (!ImageIO.write(b, format, file.toFile())) {
            throw new IOException("no " + format + " writer");
        }
    }
}
