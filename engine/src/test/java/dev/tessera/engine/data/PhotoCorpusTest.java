package dev.tessera.engine.data;

import dev.tessera.engine.image.RgbImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhotoCorpusTest {

    /** The split the README names, for every photograph of the catalogue: 32 of 74 held out. */
    @Test
    void theSplitIsDecidedByTheIdAloneAndHoldsOutThirtyTwoOfTheCatalogue() {
        List<String> ids = catalogueIds();
        assertThat(ids).hasSize(74).doesNotHaveDuplicates();
        List<String> held = ids.stream().filter(PhotoCorpus::heldOut).toList();
        assertThat(held).hasSize(32);
        // every package keeps photographs on both sides
        Set<String> heldPackages = held.stream().map(i -> i.substring(0, i.indexOf('/'))).collect(Collectors.toSet());
        assertThat(heldPackages).hasSize(PhotoCorpus.DEBIAN.size());
        // the photo tokenizer's training crops never come from a held-out photograph
        PhotoCrops training = (PhotoCrops) dev.tessera.engine.train.TokenizerPreset.PHOTO_64.trainingImages(1);
        assertThat(training.photos()).hasSize(42).noneMatch(Photo::heldOut);
        assertThat(training.photos().stream().map(Photo::id)).doesNotContainAnyElementsOf(held);
    }

    @Test
    void withoutAnyPackageTheErrorGivesTheInstallCommand(@TempDir Path dir) {
        List<PhotoSource> nowhere = List.of(new PhotoSource("no-such-photos", dir.resolve("absent"),
                new PhotoSource.JpegsIn(List.of("."), List.of()), "none"));
        assertThatThrownBy(() -> PhotoCorpus.of(nowhere)).isInstanceOf(DatasetNotFoundException.class)
                .hasMessageContaining("apt-get install --no-install-recommends no-such-photos");
    }

    @Test
    void aFolderOfPhotosIsReadSplitAndCroppedDeterministically(@TempDir Path dir) throws IOException {
        for (int i = 0; i < 12; i++) {
            BufferedImage img = new BufferedImage(300 + 10 * i, 200, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 200; y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    img.setRGB(x, y, (x * 7 + i * 40) % 256 << 16 | (y * 3) % 256 << 8 | (x + y) % 256);
                }
            }
            ImageIO.write(img, "jpg", dir.resolve("p" + i + ".jpg").toFile());
        }
        Files.writeString(dir.resolve("notes.txt"), "not a photo");
        PhotoCorpus corpus = PhotoCorpus.of(List.of(new PhotoSource("test-photos", dir,
                new PhotoSource.JpegsIn(List.of("."), List.of("p11.jpg")), "test")));
        assertThat(corpus.all()).hasSize(11).allSatisfy(p -> assertThat(p.id()).matches("test-photos/p\\d+\\.jpg"));
        assertThat(corpus.training()).doesNotContainAnyElementsOf(corpus.heldOut());
        assertThat(corpus.training().size() + corpus.heldOut().size()).isEqualTo(11);

        PhotoCrops crops = new PhotoCrops(corpus.all(), 32, 5);
        List<RgbImage> a = crops.images(0, 6);
        List<RgbImage> b = crops.images(0, 6);
        assertThat(a).allSatisfy(img -> assertThat(img.width()).isEqualTo(32));
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).pixels()).isEqualTo(b.get(i).pixels());
        }
        assertThat(crops.images(3, 1).get(0).pixels()).isEqualTo(a.get(3).pixels());
        assertThat(crops.withSeed(6).images(0, 1).get(0).pixels()).isNotEqualTo(a.get(0).pixels());

        PhotoHeldOut held = PhotoHeldOut.of(corpus, 32);
        assertThat(held.entries()).hasSize(corpus.heldOut().size() * (1 + PhotoHeldOut.CROPS));
        assertThat(held.entries().stream().filter(PhotoHeldOut.Entry::whole).count()).isEqualTo(corpus.heldOut().size());
    }

    /** On a machine with the packages installed (CI installs them), the catalogue is found as listed. */
    @Test
    void theInstalledCatalogueIsFoundInFull() {
        PhotoCorpus corpus = PhotoCorpus.installed();
        assertThat(corpus.missingPackages()).as("install with: " + PhotoCorpus.installCommand(corpus.missingPackages()))
                .isEmpty();
        assertThat(corpus.all().stream().map(Photo::id).toList()).containsExactlyInAnyOrderElementsOf(catalogueIds());
        assertThat(corpus.heldOut()).hasSize(32);
    }

    /** The catalogue's ids as they are when every package is installed. */
    static List<String> catalogueIds() {
        return List.of(
                "lomiri-wallpapers-16.04/Bridge_by_Sander_Klootwijk.jpg", "lomiri-wallpapers-16.04/Dragonfly_by_Bolly.jpg",
                "lomiri-wallpapers-16.04/Picture_0B_by_freespace.jpg", "lomiri-wallpapers-16.04/Picture_1A_by_freespace.jpg",
                "lomiri-wallpapers-16.04/Wine_by_Jakkub_Mede.jpg", "lomiri-wallpapers-16.04/aitzgorri_by_Aitzol_Berasategi.jpg",
                "lomiri-wallpapers-16.04/analogpattern_by_Peter_Nerlich.jpg", "lomiri-wallpapers-16.04/free_by_Peter_Nerlich.jpg",
                "lomiri-wallpapers-16.04/friends_by_Aitzol_Berasategi.jpg", "lomiri-wallpapers-16.04/greentock_by_Peter_Nerlich.jpg",
                "lomiri-wallpapers-16.04/life_by_Aitzol_Berasategi.jpg",
                "lomiri-wallpapers-16.04/picosdeeuropa_by_Aitzol_Berasategi.jpg",
                "lomiri-wallpapers-16.04/seeding_by_Clements_Engelhardt.jpg", "lomiri-wallpapers-16.04/sunset_by_Aitzol_Berasategi.jpg",
                "mate-backgrounds/nature/Aqua.jpg", "mate-backgrounds/nature/Blinds.jpg", "mate-backgrounds/nature/Dune.jpg",
                "mate-backgrounds/nature/FreshFlower.jpg", "mate-backgrounds/nature/Garden.jpg",
                "mate-backgrounds/nature/GreenMeadow.jpg", "mate-backgrounds/nature/LadyBird.jpg",
                "mate-backgrounds/nature/RainDrops.jpg", "mate-backgrounds/nature/Storm.jpg",
                "mate-backgrounds/nature/TwoWings.jpg", "mate-backgrounds/nature/Wood.jpg",
                "mate-backgrounds/nature/YellowFlower.jpg",
                "lxqt-themes/Butterfly-Kenneth-Wimer.jpg", "lxqt-themes/after-the-rain.jpg", "lxqt-themes/fog.jpg",
                "lxqt-themes/this-is-not-windows.jpg", "lxqt-themes/Valendas.png", "lxqt-themes/appleflower.png",
                "lxqt-themes/beam.png", "lxqt-themes/butterfly.png", "lxqt-themes/cloud.png", "lxqt-themes/drop.png",
                "lxqt-themes/flowers.png",
                "palapeli-data/castle-maintenon.jpg", "palapeli-data/cincinnati-bridge.jpg", "palapeli-data/citrus-fruits.jpg",
                "palapeli-data/european-honey-bee.jpg", "palapeli-data/panther-chameleon-female.jpg",
                "tuxpaint-data/templates/burnt_bark.jpg", "tuxpaint-data/templates/cliff.jpg",
                "tuxpaint-data/templates/corn_maze.jpg", "tuxpaint-data/templates/jellyfish.jpg",
                "tuxpaint-data/templates/lighthouse.jpg", "tuxpaint-data/templates/mossy_bark.jpg",
                "tuxpaint-data/templates/mossy_log.jpg", "tuxpaint-data/templates/mudstone.jpg",
                "tuxpaint-data/templates/ocean_splash.jpg", "tuxpaint-data/templates/ocean_waves.jpg",
                "tuxpaint-data/templates/redwoods_above.jpg", "tuxpaint-data/templates/rocks.jpg",
                "tuxpaint-data/templates/sheep.jpg", "tuxpaint-data/templates/spiders_web.jpg",
                "tuxpaint-data/templates/sun_behind_clouds.jpg", "tuxpaint-data/templates/sun_behind_leaves.jpg",
                "tuxpaint-data/templates/trees_above.jpg", "tuxpaint-data/templates/trees_at_dusk.jpg",
                "tuxpaint-data/templates/wool_mill_machine.jpg", "tuxpaint-data/starters/skyline-sf-dusk-back.jpeg",
                "tuxpaint-data/starters/reef-back.png",
                "plasma-workspace-wallpapers/BytheWater", "plasma-workspace-wallpapers/ColdRipple",
                "plasma-workspace-wallpapers/ColorfulCups", "plasma-workspace-wallpapers/DarkestHour",
                "plasma-workspace-wallpapers/EveningGlow", "plasma-workspace-wallpapers/FallenLeaf",
                "plasma-workspace-wallpapers/Grey", "plasma-workspace-wallpapers/Kite", "plasma-workspace-wallpapers/OneStandsOut",
                "plasma-workspace-wallpapers/Path", "plasma-workspace-wallpapers/summer_1am");
    }
}
