package dev.tessera.engine.quantize;

/**
 * A residual (stacked) quantizer: {@code depth} vector quantizers, each quantizing what the
 * previous levels left over (UniCode's stacked quantization; RQ-VAE, Lee et al. 2022). The
 * language model sees one vector per position: the sum of the level codes.
 *
 * @param level the settings of every level (same K and width); projections are not allowed,
 *              since each level must subtract in the input's own space. Its gradient estimator
 *              (straight-through or rotation trick) is applied once to the sum of the levels
 * @param depth number of levels D, 1..16
 */
public record ResidualConfig(VqConfig level, int depth) implements QuantizerConfig {

    public ResidualConfig {
        if (level == null) {
            throw new IllegalArgumentException("residual quantizer needs its level settings");
        }
        if (depth < 1 || depth > 16) {
            throw new IllegalArgumentException("depth must be in 1..16, got " + depth);
        }
        if (level.cosine()) {
            throw new IllegalArgumentException("residual levels need Euclidean lookup (residuals shrink level by level): "
                    + "set cosine to false");
        }
        if (level.projected()) {
            throw new IllegalArgumentException("residual levels quantize the full code width: set lookupDim to 0 (got "
                    + level.lookupDim() + ")");
        }
    }

    /** Four levels of the standard 256-code quantizer. */
    public static ResidualConfig standard() {
        return new ResidualConfig(VqConfig.standard(), 4);
    }

    @Override
    public int codeDim() {
        return level.codeDim();
    }

    @Override
    public int codebookSize() {
        return level.codebookSize();
    }

    @Override
    public Quantizer create() {
        return new ResidualQuantizer(this);
    }

    @Override
    public String describe() {
        return "RVQ " + depth + "x" + level.codebookSize();
    }
}
