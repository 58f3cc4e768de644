package dev.tessera.magic;

import dev.tessera.engine.image.ImageSource;
import dev.tessera.engine.unified.UnifiedModels;

/**
 * {@code %tessera caption <image path | sample:N> [--model NAME|FOLDER]}: one call of
 * {@link UnifiedModels#caption}.
 */
public record CaptionRequest(ImageSource source, String model) implements Magic {

    @Override
    public Object execute() {
        return UnifiedModels.caption(source, model);
    }

    @Override
    public String usage() {
        return MagicParser.usageFor("caption");
    }
}
