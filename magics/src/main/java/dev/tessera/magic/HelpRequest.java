package dev.tessera.magic;

/** {@code %tessera help}: lists every command. */
public record HelpRequest() implements Magic {

    @Override
    public Object execute() {
        return new HelpText(MagicParser.help());
    }

    @Override
    public String usage() {
        return MagicParser.usageFor("help");
    }
}
