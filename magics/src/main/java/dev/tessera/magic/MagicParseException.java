package dev.tessera.magic;

/** A {@code %tessera} line that does not parse; carries the usage to show with it. */
final class MagicParseException extends RuntimeException {

    private final String usage;

    MagicParseException(String problem, String usage) {
        super(problem);
        this.usage = usage;
    }

    String usage() {
        return usage;
    }
}
