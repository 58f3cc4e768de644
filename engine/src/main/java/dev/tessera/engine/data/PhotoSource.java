package dev.tessera.engine.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One Debian package that ships photographs, and which of its files are photographs (each package
 * also ships drawings, logos or renders, which are left out by name). Every photograph is read once,
 * even when the package ships it at several sizes.
 *
 * @param pkg     the Debian package, as {@code apt-get install} takes it
 * @param root    the folder its files are under
 * @param photos  how to find its photographs under {@code root}
 * @param licence the licence of the images, from the package's copyright file
 */
public record PhotoSource(String pkg, Path root, Selection photos, String licence) {

    /** Which files under a package's folder are its photographs. */
    public sealed interface Selection {

        /** The photographs' files, sorted by path. */
        List<Path> find(Path root);

        /** The part of a photograph's id after the package: its path under the root. */
        default String idOf(Path root, Path file) {
            return root.relativize(file).normalize().toString();
        }
    }

    /** These files, by path under the root; a missing one is skipped. */
    public record Named(List<String> files) implements Selection {

        @Override
        public List<Path> find(Path root) {
            return files.stream().map(root::resolve).filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** Every JPEG in these folders (one level, names in order) except the files listed. */
    public record JpegsIn(List<String> folders, List<String> except) implements Selection {

        @Override
        public List<Path> find(Path root) {
            List<Path> out = new ArrayList<>();
            for (String f : folders) {
                Path dir = root.resolve(f).normalize();
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> files = Files.list(dir)) {
                    files.filter(p -> p.getFileName().toString().matches("(?i).+\\.jpe?g"))
                            .filter(p -> !except.contains(p.getFileName().toString())).forEach(out::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return out.stream().sorted().toList();
        }
    }

    /**
     * KDE's wallpaper layout: {@code <name>/contents/images/<W>x<H>.jpg}, most sizes being links to
     * one real file; the largest regular file of each named wallpaper.
     */
    public record KdeWallpapers(List<String> names) implements Selection {

        @Override
        public List<Path> find(Path root) {
            List<Path> out = new ArrayList<>();
            for (String name : names) {
                Path dir = root.resolve(name).resolve("contents").resolve("images");
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> files = Files.list(dir)) {
                    files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                            .filter(p -> p.getFileName().toString().matches("(?i).+\\.(jpe?g|png)"))
                            .max(Comparator.comparingLong(PhotoSource::size).thenComparing(Path::toString))
                            .ifPresent(out::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return out.stream().sorted().toList();
        }

        /** The wallpaper's name: its file's name is a size, which differs between versions. */
        @Override
        public String idOf(Path root, Path file) {
            return root.relativize(file).getName(0).toString();
        }
    }

    /** This package's photographs on this machine (none when it is not installed). */
    public List<Path> find() {
        return Files.isDirectory(root) ? photos.find(root) : List.of();
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }
}
