package dev.tessera.engine.text;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.io.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Shared test texts and hand-made tokenizer files. */
final class TextFixtures {

    static final List<String> QUESTIONS = List.of(
            "how many red shapes?", "how many circles are there?", "what colour is the square?",
            "is there a blue triangle?", "where is the green circle?", "is the yellow square left of the cyan one?",
            "count the purple triangles.", "what shape is in the top left?", "yes", "no", "three");

    /** Texts that stress the pre-tokenizer and the byte level. */
    static final List<String> ODD = List.of(
            "", " ", "  ", "\n", "   leading spaces", "trailing spaces   ", "two  spaces and   three",
            "tabs\tand\nnew lines\r\nand\u000bvertical", "it's they're we've I'm you'll he'd 'quoted'",
            "CAPS Red cIRCLE", "numbers 1234 and 3.14 and -7, ½ ٣٤ Ⅻ", "punctuation!!! ??? ... --- ;:,",
            "café naïve façade", "e\u0301 combining", "日本語のテキスト", "русский текст", "ελληνικά",
            "emoji 🎨🟥🔵 ok 👍🏽", "family 👩‍👩‍👧 zwj", "\u00a0nbsp\u3000ideographic\u2003em space",
            "line\u2028separator", "controls \u0001\u007f\u0085 here", "mixed123abc!?", "a", "🙂",
            "a \u3000b", "x \u00a0 y", "end\u2003 \u2003");

    private TextFixtures() {
    }

    /** Captions of scenes {@code 0 .. n-1} of the 64x64 stream with {@code seed}. */
    static List<String> captions(long seed, int n) {
        SceneGenerator g = new SceneGenerator(SceneConfig.scenes64(seed));
        List<String> out = new ArrayList<>(n);
        for (Scene s : g.scenes(0, n)) {
            out.add(s.caption());
        }
        return out;
    }

    /** Seeded random strings over letters of several scripts, digits, white space, symbols and emoji. */
    static List<String> randomTexts(long seed, int n) {
        int[][] ranges = {{0x20, 0x7E}, {0x20, 0x7E}, {0x09, 0x0D}, {0xA0, 0xFF}, {0x391, 0x3C9},
                {0x410, 0x44F}, {0x3041, 0x3093}, {0x4E00, 0x4E80}, {0x660, 0x669}, {0x1F300, 0x1F5FF},
                {0x2000, 0x200A}, {0x2190, 0x21FF}};
        SplittableRandom rng = new SplittableRandom(seed);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder();
            int len = rng.nextInt(40);
            for (int k = 0; k < len; k++) {
                int[] r = ranges[rng.nextInt(ranges.length)];
                sb.appendCodePoint(r[0] + rng.nextInt(r[1] - r[0] + 1));
            }
            out.add(sb.toString());
        }
        return out;
    }

    /** A GPT-2 style tokenizer.json: the 256 byte symbols, then {@code extra} tokens, with {@code merges}. */
    static Path gpt2Style(Path file, List<String> extra, List<String> merges) throws IOException {
        return write(file, gpt2StyleTree(extra, merges));
    }

    static ObjectNode gpt2StyleTree(List<String> extra, List<String> merges) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("version", "1.0");
        root.putArray("added_tokens");
        root.putNull("normalizer");
        root.putObject("pre_tokenizer").put("type", "ByteLevel").put("add_prefix_space", false)
                .put("trim_offsets", true).put("use_regex", true);
        root.putObject("decoder").put("type", "ByteLevel").put("add_prefix_space", true)
                .put("trim_offsets", true).put("use_regex", true);
        ObjectNode model = root.putObject("model");
        model.put("type", "BPE");
        ObjectNode vocab = model.putObject("vocab");
        List<String> tokens = new ArrayList<>(ByteLevel.alphabet());
        tokens.addAll(extra);
        for (int i = 0; i < tokens.size(); i++) {
            vocab.put(tokens.get(i), i);
        }
        merges.forEach(model.putArray("merges")::add);
        return root;
    }

    static Path write(Path file, ObjectNode tree) throws IOException {
        Files.write(file, Json.mapper().writeValueAsBytes(tree));
        return file;
    }
}
