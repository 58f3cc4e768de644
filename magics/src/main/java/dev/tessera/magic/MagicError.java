package dev.tessera.magic;

/**
 * A {@code %tessera} line that could not be carried out: what went wrong and how to write it
 * instead. Returned (never thrown) so a bad line shows a paragraph, not a stack trace, and
 * the kernel keeps running.
 *
 * @param problem what is wrong, in one or two sentences
 * @param usage   the usage of the command concerned
 */
public record MagicError(String problem, String usage) {

    /** Problem and usage as one paragraph of plain text. */
    public String message() {
        return problem + (usage.isBlank() ? "" : "\n\n" + usage);
    }

    @Override
    public String toString() {
        return message();
    }
}
