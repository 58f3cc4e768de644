package dev.tessera.magic;

import dev.tessera.engine.image.ImageSource;
import dev.tessera.engine.unified.UnifiedModels;

/**
 * {@code %tessera caption <image path | sample:N> [--model NAME|FOLDER]}: one call of
 * {@link UnifiedModels#caption}.
 */
public record CaptionRequest(ImageSource source, String model) implements Magic {

    static final String USAGE = "Usage: %tessera caption <image path | sample:N> [--model NAME|FOLDER]\n"
            + "  sample:N  held-out synthetic scene number N; a file is centre-cropped and resized\n"
            + "  --model   unified-shapes32 (default, shipped) a checkpoint folder, or last (trained last)";

    @Override
    public Object execute() {
        return UnifiedModels.caption(source, model);
    }

    @Override
    public String usage() {
        return USAGE;
    }
}
