package dev.tessera.magic;

import dev.tessera.engine.tokenize.TokenGrid;
import dev.tessera.engine.tokenize.TokenizeResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MagicsTest {

    @TempDir
    Path dir;

    static MagicError error(String line) {
        Object r = Magics.run(line);
        assertThat(r).as(line).isInstanceOf(MagicError.class);
        return (MagicError) r;
    }

    @Test
    void helpListsEveryCommand() {
        Object r = Magics.run("help");
        assertThat(r).isInstanceOf(HelpText.class);
        assertThat(((HelpText) r).text()).contains("%tessera help").contains("%tessera tokenize");
        assertThat(Magics.run("   ")).isInstanceOf(HelpText.class);
    }

    @Test
    void anUnknownCommandNamesItAndTheValidOnes() {
        MagicError e = error("frobnicate now");
        assertThat(e.problem()).contains("unknown command 'frobnicate'").contains("ask, caption, codebook, compare, corpus, curriculum, edit, evaluate, generate, help, tokenize, train");
        assertThat(e.usage()).contains("%tessera tokenize");
    }

    @Test
    void aMissingArgumentShowsTheUsage() {
        MagicError e = error("tokenize");
        assertThat(e.problem()).contains("IMAGE");
        assertThat(e.usage()).startsWith("Usage: %tessera tokenize");
    }

    @Test
    void aBadOptionValueIsNamed() {
        assertThat(error("tokenize sample:1 --size big").problem()).contains("--size").contains("big");
        assertThat(error("tokenize sample:1 --colour red").problem()).contains("--colour");
    }

    @Test
    void aBadSampleIsExplained() {
        assertThat(error("tokenize sample:three").problem()).contains("sample:N");
    }

    @Test
    void aMissingFileNamesThePath() {
        MagicError e = error("tokenize " + dir.resolve("nope.png"));
        assertThat(e.problem()).contains("no file at").contains("nope.png");
        assertThat(e.usage()).contains("%tessera tokenize");
    }

    @Test
    void aFileThatIsNotAnImageIsNamed() throws Exception {
        Path p = Files.writeString(dir.resolve("notes.txt"), "just text");
        assertThat(error("tokenize " + p).problem()).contains("not an image");
    }

    @Test
    void anUnclosedQuoteIsAnErrorNotAnException() {
        assertThat(error("tokenize \"a.png").problem()).contains("unclosed");
    }

    @Test
    void aSampleIsTokenizedIntoTheDefaultGrid() {
        Object r = Magics.run("tokenize sample:3");
        assertThat(r).isInstanceOf(TokenizeResult.class);
        TokenizeResult t = (TokenizeResult) r;
        TokenGrid grid = (TokenGrid) t.tokens();
        assertThat(grid.rows()).isEqualTo(16);
        assertThat(grid.cols()).isEqualTo(16);
        assertThat(t.source()).isEqualTo("sample:3");
        assertThat(t.psnr()).isGreaterThan(20);
    }

    @Test
    void anUnknownTokenizerListsTheShippedOnes() {
        assertThat(error("tokenize sample:1 --tokenizer vq-big").problem()).contains("unknown tokenizer 'vq-big'")
                .contains("rvq-shapes64").contains("setok-shapes64");
        assertThat(error("codebook --tokenizer nope").usage()).startsWith("Usage: %tessera codebook");
    }

    @Test
    void compareNeedsATokenizerAndKnownData() {
        assertThat(error("compare").problem()).contains("TOKENIZER");
        assertThat(error("compare vq-shapes64 --data cifar").problem()).contains("unknown data 'cifar'")
                .contains("scenes, mnist, fashion-mnist");
        assertThat(error("compare vq-shapes64 --images 0").problem()).contains("--images 0").contains("1..4096");
    }

    @Test
    void aSizeTheTokenizerDoesNotTakeIsRefusedWithTheRightOne() {
        assertThat(error("tokenize sample:3 --size 32").problem()).contains("--size 64");
    }
}
