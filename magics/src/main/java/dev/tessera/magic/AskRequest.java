package dev.tessera.magic;

import dev.tessera.engine.image.ImageSource;
import dev.tessera.engine.unified.UnifiedModels;

/**
 * {@code %tessera ask <image path | sample:N> "<question>" [--model NAME|FOLDER]}: one call of
 * {@link UnifiedModels#ask}.
 */
public record AskRequest(ImageSource source, String question, String model) implements Magic {

    static final String USAGE = "Usage: %tessera ask <image path | sample:N> \"<question>\" [--model NAME|FOLDER]\n"
            + "  questions the model learned: \"how many red shapes are there?\", \"what colour is the triangle?\",\n"
            + "  \"what shape is the blue one?\", \"is there a green square?\", \"where is the red circle?\"";

    @Override
    public Object execute() {
        return UnifiedModels.ask(source, question, model);
    }

    @Override
    public String usage() {
        return USAGE;
    }
}
