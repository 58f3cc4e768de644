package dev.tessera.magic;

/** The answer to {@code %tessera help}: every command with its usage. */
public record HelpText(String text) {
    @Override
    public String toString() {
        return text;
    }
}
