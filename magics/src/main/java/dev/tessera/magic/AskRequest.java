package dev.tessera.magic;

import dev.tessera.engine.image.ImageSource;
import dev.tessera.engine.unified.UnifiedModels;

/**
 * {@code %tessera ask <image path | sample:N> "<question>" [--model NAME|FOLDER]}: one call of
 * {@link UnifiedModels#ask}.
 */
public record AskRequest(ImageSource source, String question, String model) implements Magic {

    @Override
    public Object execute() {
        return UnifiedModels.ask(source, question, model);
    }

    @Override
    public String usage() {
        return MagicParser.usageFor("ask");
    }
}
