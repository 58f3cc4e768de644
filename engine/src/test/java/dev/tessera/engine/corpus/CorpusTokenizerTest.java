package dev.tessera.engine.corpus;

import dev.tessera.engine.Tessera;
import dev.tessera.engine.data.Scene;
import dev.tessera.engine.image.Images;
import dev.tessera.engine.io.AwkwardFiles;
import dev.tessera.engine.tokenize.GridTokenizer;
import dev.tessera.engine.tokenize.TokenGrid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CorpusTokenizerTest {

    @TempDir
    Path dir;

    private static byte[] png(Scene s) throws Exception {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ImageIO.write(Images.toBuffered(s.image()), "png", o);
        return o.toByteArray();
    }

    @Test
    void eachItemGetsItsRowInOrderWithTheIdsOfTheTokenizerAndBadOnesAnErrorRow() throws Exception {
        TokenizerRef ref = new TokenizerRef("vq-shapes64");
        GridTokenizer t = ref.load();
        try {
            Scene a = Tessera.sample(1, 64);
            Scene b = Tessera.sample(2, 64);
            byte[] bomb = Files.readAllBytes(AwkwardFiles.bomb(dir.resolve("bomb.png"), 9000));
            List<CorpusItem> items = List.of(
                    CorpusItem.of("a.png", png(a), "a caption"),
                    CorpusItem.of("notes.txt", "not a picture".getBytes(), null),
                    CorpusItem.unreadable("gone.png", null, "gone.png vanished"),
                    CorpusItem.of("bomb.png", bomb, null),
                    CorpusItem.of("b.png", png(b), null));
            List<TokenizedImage> rows = new CorpusTokenizer(t, ref.checkpointHash(), true).tokenize(items);
            assertThat(rows).extracting(TokenizedImage::source).containsExactly("a.png", "notes.txt", "gone.png", "bomb.png", "b.png");
            assertThat(rows).extracting(TokenizedImage::ok).containsExactly(true, false, false, false, true);
            assertThat(rows.get(1).error()).contains("not an image");
            assertThat(rows.get(2).error()).isEqualTo("gone.png vanished");
            assertThat(rows.get(3).error()).contains("9000x9000");
            List<TokenGrid> direct = t.encode(List.of(a.image(), b.image()));
            assertThat(rows.get(0).ids()).isEqualTo(direct.get(0).ids());
            assertThat(rows.get(4).ids()).isEqualTo(direct.get(1).ids());
            assertThat(rows.get(0).caption()).isEqualTo("a caption");
            assertThat(rows.get(0).grid()).isEqualTo(16);
            assertThat(rows.get(0).levels()).isEqualTo(1);
            assertThat(rows.get(0).width()).isEqualTo(64);
            assertThat(rows.get(0).psnr()).isBetween(15.0, 60.0);
            assertThat(rows.get(0).checkpoint()).hasSize(64).isEqualTo(ref.checkpointHash());
        } finally {
            t.close();
        }
    }

    @Test
    void withoutPsnrNothingIsDecodedAndTheIdsAreTheSame() throws Exception {
        TokenizerRef ref = new TokenizerRef("fsq-shapes32");
        GridTokenizer t = ref.load();
        try {
            List<CorpusItem> items = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                items.add(CorpusItem.of("s" + i, png(Tessera.sample(i, 32)), null));
            }
            List<TokenizedImage> with = new CorpusTokenizer(t, "h", true).tokenize(items);
            List<TokenizedImage> without = new CorpusTokenizer(t, "h", false).tokenize(items);
            for (int i = 0; i < 3; i++) {
                assertThat(without.get(i).ids()).isEqualTo(with.get(i).ids());
                assertThat(without.get(i).psnr()).isNaN();
                assertThat(with.get(i).psnr()).isFinite();
            }
        } finally {
            t.close();
        }
    }

    @Test
    void aTokenSetTokenizerIsRefusedWithTheGridOnesNamed() {
        assertThatThrownBy(() -> new TokenizerRef("setok-shapes64").config()).hasMessageContaining("grid tokenizer");
        assertThatThrownBy(() -> new TokenizerRef("no-such").config()).hasMessageContaining("neither a shipped tokenizer");
        assertThat(new TokenizerRef("photo-64").config().imageSize()).isEqualTo(64);
    }
}
