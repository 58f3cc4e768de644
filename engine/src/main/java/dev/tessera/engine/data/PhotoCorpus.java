package dev.tessera.engine.data;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * Natural photographs that Debian packages ship, for training and evaluating a photo tokenizer
 * offline: wallpapers and puzzle pictures of six packages (74 photographs when all are installed),
 * each listed by name so their drawings, logos and renders stay out. The split is by source
 * photograph and decided by its {@link Photo#id} alone (a SHA-256 of it), so it is the same on
 * every machine whatever else is installed; held-out photographs are never cropped for training
 * (32 of the 74, named in the README). {@link #installed()} fails with the install command when
 * none of the packages is present.
 */
public final class PhotoCorpus {

    private static final Path SHARE = Path.of("/usr/share");

    /** The packages read and which of their files are photographs; licences from their copyright files. */
    public static final List<PhotoSource> DEBIAN = List.of(
            new PhotoSource("lomiri-wallpapers-16.04", SHARE.resolve("backgrounds"), new PhotoSource.Named(List.of(
                    "Bridge_by_Sander_Klootwijk.jpg", "Dragonfly_by_Bolly.jpg", "Picture_0B_by_freespace.jpg",
                    "Picture_1A_by_freespace.jpg", "Wine_by_Jakkub_Mede.jpg", "aitzgorri_by_Aitzol_Berasategi.jpg",
                    "analogpattern_by_Peter_Nerlich.jpg", "free_by_Peter_Nerlich.jpg", "friends_by_Aitzol_Berasategi.jpg",
                    "greentock_by_Peter_Nerlich.jpg", "life_by_Aitzol_Berasategi.jpg", "picosdeeuropa_by_Aitzol_Berasategi.jpg",
                    "seeding_by_Clements_Engelhardt.jpg", "sunset_by_Aitzol_Berasategi.jpg")),
                    "CC-BY-4.0, CC-BY-SA-4.0 or CC0, per file"),
            new PhotoSource("mate-backgrounds", SHARE.resolve("backgrounds/mate"),
                    new PhotoSource.JpegsIn(List.of("nature"), List.of()), "GPL-2+"),
            new PhotoSource("lxqt-themes", SHARE.resolve("lxqt/wallpapers"), new PhotoSource.Named(List.of(
                    "Butterfly-Kenneth-Wimer.jpg", "after-the-rain.jpg", "fog.jpg", "this-is-not-windows.jpg", "Valendas.png",
                    "appleflower.png", "beam.png", "butterfly.png", "cloud.png", "drop.png", "flowers.png")), "LGPL-2.1+"),
            new PhotoSource("palapeli-data", SHARE.resolve("palapeli/collection"),
                    new PhotoSource.JpegsIn(List.of("."), List.of()), "GPL-2+ (upstream: public domain or GFDL, per file)"),
            new PhotoSource("tuxpaint-data", SHARE.resolve("tuxpaint"), new PhotoSource.Named(List.of(
                    "templates/burnt_bark.jpg", "templates/cliff.jpg", "templates/corn_maze.jpg", "templates/jellyfish.jpg",
                    "templates/lighthouse.jpg", "templates/mossy_bark.jpg", "templates/mossy_log.jpg", "templates/mudstone.jpg",
                    "templates/ocean_splash.jpg", "templates/ocean_waves.jpg", "templates/redwoods_above.jpg",
                    "templates/rocks.jpg", "templates/sheep.jpg", "templates/spiders_web.jpg",
                    "templates/sun_behind_clouds.jpg", "templates/sun_behind_leaves.jpg", "templates/trees_above.jpg",
                    "templates/trees_at_dusk.jpg", "templates/wool_mill_machine.jpg", "starters/skyline-sf-dusk-back.jpeg",
                    "starters/reef-back.png")), "GPL-2+ (the two starters: public domain, NOAA)"),
            new PhotoSource("plasma-workspace-wallpapers", SHARE.resolve("wallpapers"), new PhotoSource.KdeWallpapers(List.of(
                    "BytheWater", "ColdRipple", "ColorfulCups", "DarkestHour", "EveningGlow", "FallenLeaf", "Grey", "Kite",
                    "OneStandsOut", "Path", "summer_1am")), "LGPL-3 / CC-BY-SA, per wallpaper"));

    /** Held out when the first byte of SHA-256("tessera-photo-split:" + id) is below this (45%). */
    static final int HELD_OUT_BELOW = 115;

    private final List<Photo> photos;
    private final List<String> missing;

    private PhotoCorpus(List<Photo> photos, List<String> missing) {
        this.photos = List.copyOf(photos);
        this.missing = List.copyOf(missing);
    }

    /**
     * The photographs of {@link #DEBIAN}; every package must be installed, so that training and
     * evaluation see the same 74 photographs on every machine (a missing one is an error with the
     * install command).
     */
    public static PhotoCorpus installed() {
        PhotoCorpus c = of(DEBIAN);
        if (!c.missing.isEmpty()) {
            throw new DatasetNotFoundException("the photo corpus needs all six of its Debian packages; missing: "
                    + String.join(", ", c.missing) + ". Install them with: " + installCommand(c.missing));
        }
        return c;
    }

    /** The photographs of {@code sources} on this machine; throws with the install command when there are none. */
    public static PhotoCorpus of(List<PhotoSource> sources) {
        List<Photo> photos = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (PhotoSource s : sources) {
            List<Path> files = s.find();
            if (files.isEmpty()) {
                missing.add(s.pkg());
            }
            for (Path f : files) {
                String id = s.pkg() + "/" + s.photos().idOf(s.root(), f);
                photos.add(new Photo(id, s.pkg(), f, heldOut(id)));
            }
        }
        if (photos.isEmpty()) {
            throw new DatasetNotFoundException("no photographs on this machine: none of the packages "
                    + String.join(", ", missing) + " is installed. Install them with: " + installCommand(missing));
        }
        return new PhotoCorpus(photos, missing);
    }

    /** {@code sudo apt-get install --no-install-recommends} and the packages. */
    public static String installCommand(List<String> packages) {
        return "sudo apt-get install --no-install-recommends " + String.join(" ", packages);
    }

    /** Whether the photograph {@code id} is held out: decided by the id alone. */
    public static boolean heldOut(String id) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(("tessera-photo-split:" + id).getBytes(StandardCharsets.UTF_8));
            return (h[0] & 0xFF) < HELD_OUT_BELOW;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every photograph found, by package then path. */
    public List<Photo> all() {
        return photos;
    }

    /** The photographs crops for training come from. */
    public List<Photo> training() {
        return photos.stream().filter(p -> !p.heldOut()).toList();
    }

    /** The photographs kept for evaluation. */
    public List<Photo> heldOut() {
        return photos.stream().filter(Photo::heldOut).toList();
    }

    /** Packages of the catalogue with no photograph on this machine (not installed). */
    public List<String> missingPackages() {
        return missing;
    }
}
