package dev.tessera.engine.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Real English for a language model to learn text from before it learns images (TEAL, Yang et
 * al., "TEAL: Tokenize and Embed ALL for Multi-modal Large Language Models", arXiv 2311.04589,
 * keeps a pretrained language model frozen; at Tessera's scale the model first has to learn
 * text skills worth keeping). The corpus is Debian's {@code fortunes} package (BSD licence; about
 * 2.6 MB of quotations, proverbs, definitions and jokes), read where the package installs it,
 * never downloaded: {@code apt-get install fortunes} ({@code tools/ensure-jupyter} does).
 *
 * <p>Each fortune is one entry: its lines joined by single spaces, control characters (the
 * files' overstriking) dropped. Every {@value #HELD_OUT_EVERY}th entry, in file order, is held
 * out, so the held-out perplexity is measured on text no stage trains on.
 *
 * @param name    where it came from
 * @param train   the entries a text stage learns from
 * @param heldOut the entries held-out perplexity is measured on
 */
public record TextCorpus(String name, List<String> train, List<String> heldOut) {

    /** Where Debian's {@code fortunes} package installs its files. */
    public static final Path FORTUNES = Path.of("/usr/share/games/fortunes");
    /** One entry in this many is held out. */
    public static final int HELD_OUT_EVERY = 20;
    /** Files of drawings, not text. */
    private static final List<String> SKIPPED = List.of("art", "ascii-art");

    public TextCorpus {
        train = List.copyOf(train);
        heldOut = List.copyOf(heldOut);
        if (train.isEmpty() || heldOut.isEmpty()) {
            throw new IllegalArgumentException("corpus " + name + " has no text to train on or hold out");
        }
    }

    private static volatile TextCorpus fortunes;

    /** Debian's fortunes, read once per JVM; a clear error naming the package when it is missing. */
    public static TextCorpus fortunes() {
        TextCorpus c = fortunes;
        if (c == null) {
            synchronized (TextCorpus.class) {
                if (fortunes == null) {
                    fortunes = read(FORTUNES);
                }
                c = fortunes;
            }
        }
        return c;
    }

    /** The fortune files in {@code folder} (each file's entries separated by lines holding {@code %}). */
    public static TextCorpus read(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("no text corpus at " + folder + ": install Debian's fortunes package "
                    + "(sudo apt-get install -y fortunes), which the text stages of the teal curriculum learn from");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().contains("."))
                    .filter(p -> !SKIPPED.contains(p.getFileName().toString())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
        List<String> entries = new ArrayList<>();
        for (Path f : files) {
            entries.addAll(entries(text(f)));
        }
        List<String> train = new ArrayList<>();
        List<String> heldOut = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            (i % HELD_OUT_EVERY == HELD_OUT_EVERY - 1 ? heldOut : train).add(entries.get(i));
        }
        return new TextCorpus("fortunes (" + folder + ", " + files.size() + " files)", train, heldOut);
    }

    private static String text(Path f) {
        try {
            // a few files hold stray Latin-1 bytes: replace them rather than fail
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(f))).toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    /** The entries of one fortune file's text, normalised. */
    static List<String> entries(String text) {
        List<String> out = new ArrayList<>();
        for (String raw : text.split("\\n%\\n|^%\\n|\\n%$")) {
            String e = normalise(raw);
            if (!e.isEmpty()) {
                out.add(e);
            }
        }
        return out;
    }

    /** Lines joined by single spaces; overstruck characters ({@code x BS x}) and other control characters dropped. */
    static String normalise(String raw) {
        StringBuilder b = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\b') {
                if (b.length() > 0) {
                    b.setLength(b.length() - 1);
                }
            } else if (Character.isWhitespace(c)) {
                if (b.length() > 0 && b.charAt(b.length() - 1) != ' ') {
                    b.append(' ');
                }
            } else if (!Character.isISOControl(c) && c != '\uFFFD') {
                b.append(c);
            }
        }
        return b.toString().strip();
    }
}
