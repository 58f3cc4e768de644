package dev.tessera.magic;

import dev.tessera.engine.tokenize.TokenizerCheckpoint;

import java.util.List;

/** The shipped tokenizer names as the usage texts list them, from the engine's own list. */
final class TokenizerNames {

    private TokenizerNames() {
    }

    /** "a, b, c". */
    static String all() {
        return String.join(", ", TokenizerCheckpoint.SHIPPED);
    }

    /** "a (default), b or c", the default marked. */
    static String choices() {
        List<String> names = TokenizerCheckpoint.SHIPPED.stream()
                .map(n -> n.equals(TokenizerCheckpoint.DEFAULT) ? n + " (default)" : n).toList();
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
