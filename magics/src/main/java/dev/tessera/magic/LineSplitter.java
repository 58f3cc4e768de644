package dev.tessera.magic;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a magic line into words the way a shell would for the simple cases: blanks separate
 * words, single or double quotes keep blanks inside a word, a backslash escapes the next
 * character outside single quotes.
 */
final class LineSplitter {

    private LineSplitter() {
    }

    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
                    cur.append(line.charAt(++i));
                } else {
                    cur.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                cur.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new MagicParseException("the line has an unclosed " + quote + " quote", "Close the quote, e.g. "
                    + "%tessera tokenize \"my image.png\"");
        }
        if (inWord) {
            words.add(cur.toString());
        }
        return words;
    }
}
