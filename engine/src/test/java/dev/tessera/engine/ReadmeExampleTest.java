package dev.tessera.engine;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's plain-Java example compiles and runs. {@link FirstLook} is that example word for
 * word under a package line: the first test requires the README's {@code java} block after the
 * "{@value #LEAD}" paragraph to equal the file (so neither can change alone), the second runs it
 * on the shipped tokenizer.
 */
class ReadmeExampleTest {

    /** The start of the README paragraph the example follows. */
    static final String LEAD = "The same from plain Java";

    /** The README, from the engine module's folder (where Maven runs its tests). */
    static final Path README = Path.of("..", "README.md");

    static final Path EXAMPLE = Path.of("src", "test", "java", "dev", "tessera", "engine", "FirstLook.java");

    static final String PACKAGE_LINE = "package dev.tessera.engine;\n\n";

    @Test
    void theReadmeExampleIsFirstLookWordForWord() throws IOException {
        String source = Files.readString(EXAMPLE, StandardCharsets.UTF_8);
        assertThat(source).startsWith(PACKAGE_LINE);
        assertThat(source.substring(PACKAGE_LINE.length()))
                .as("README.md's plain-Java example and %s are one text: change both", EXAMPLE)
                .isEqualTo(readmeExample());
    }

    @Test
    void theExampleRunsOnTheShippedTokenizer() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            FirstLook.main(new String[0]);
        } finally {
            System.setOut(out);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8))
                .matches("16x16 tokens, \\d+ distinct codes, PSNR \\d+[.,]\\d dB\\R");
    }

    /** The lines of the first {@code java} block after the {@value #LEAD} paragraph, each ending in a newline. */
    static String readmeExample() throws IOException {
        List<String> lines = Files.readAllLines(README, StandardCharsets.UTF_8);
        int at = 0;
        while (at < lines.size() && !lines.get(at).startsWith(LEAD)) {
            at++;
        }
        while (at < lines.size() && !lines.get(at).equals("```java")) {
            at++;
        }
        assertThat(at).as("a ```java block after \"%s\" in %s", LEAD, README.toAbsolutePath().normalize())
                .isLessThan(lines.size());
        StringBuilder block = new StringBuilder();
        for (at++; at < lines.size() && !lines.get(at).equals("```"); at++) {
            block.append(lines.get(at)).append('\n');
        }
        return block.toString();
    }
}
