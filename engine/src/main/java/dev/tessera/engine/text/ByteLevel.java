package dev.tessera.engine.text;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GPT-2's byte level, as HuggingFace's {@code ByteLevel} pre-tokenizer and decoder do it: text
 * is split into words by GPT-2's regex, and each UTF-8 byte is written as one printable
 * character, so any text is a string over a 256-symbol alphabet with no unknown tokens.
 *
 * <p>The byte-to-symbol map is GPT-2's {@code bytes_to_unicode}: printable Latin-1 bytes stand
 * for themselves, the other 68 bytes (controls, space, NBSP, soft hyphen) become
 * {@code U+0100 + n} in byte order, so a space is {@code 'Ġ'} (U+0120).
 */
final class ByteLevel {

    /**
     * GPT-2's pre-tokenization regex. {@code UNICODE_CHARACTER_CLASS} makes {@code \s} the
     * Unicode white space that HuggingFace's Oniguruma regex uses (tabs, NBSP, ideographic space).
     */
    static final Pattern SPLIT = Pattern.compile(
            "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+",
            Pattern.UNICODE_CHARACTER_CLASS);

    private static final char[] SYMBOL = new char[256];
    private static final int[] BYTE = new int[324];

    static {
        Arrays.fill(BYTE, -1);
        int extra = 0;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            SYMBOL[b] = printable ? (char) b : (char) (256 + extra++);
            BYTE[SYMBOL[b]] = b;
        }
    }

    private ByteLevel() {
    }

    /** The words of {@code text} in order; concatenated they give {@code text} back. */
    static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = SPLIT.matcher(text);
        int end = 0;
        while (m.find()) {
            if (m.start() > end) {
                words.add(text.substring(end, m.start())); // never happens with this regex; kept lossless
            }
            words.add(m.group());
            end = m.end();
        }
        if (end < text.length()) {
            words.add(text.substring(end));
        }
        return words;
    }

    /** The symbol standing for byte {@code b} (0..255). */
    static char symbol(int b) {
        return SYMBOL[b & 0xFF];
    }

    /** The 256 byte symbols in base-vocabulary order (by code point, as GPT-2 and HuggingFace number them). */
    static List<String> alphabet() {
        char[] sorted = SYMBOL.clone();
        Arrays.sort(sorted);
        List<String> out = new ArrayList<>(256);
        for (char c : sorted) {
            out.add(String.valueOf(c));
        }
        return out;
    }

    /** {@code text} as a string of byte symbols, one per UTF-8 byte. */
    static String toSymbols(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        char[] out = new char[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = SYMBOL[bytes[i] & 0xFF];
        }
        return new String(out);
    }

    /**
     * Appends the bytes a vocabulary string stands for. A character that is not a byte symbol
     * (possible in added tokens of foreign files) stands for its own UTF-8 bytes, as in HuggingFace.
     */
    static void appendBytes(String token, ByteArrayOutputStream out) {
        for (int i = 0; i < token.length(); ) {
            int cp = token.codePointAt(i);
            int b = cp < BYTE.length ? BYTE[cp] : -1;
            if (b >= 0) {
                out.write(b);
            } else {
                out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
            }
            i += Character.charCount(cp);
        }
    }
}
