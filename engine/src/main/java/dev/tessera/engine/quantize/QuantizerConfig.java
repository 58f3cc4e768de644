package dev.tessera.engine.quantize;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Settings of one quantizer variant. Every variant builds a {@link Quantizer} with the same
 * contract, so tokenizers, trainers, metrics and pictures work with any of them. Saved in
 * checkpoints with a {@code kind} field naming the variant.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = VqConfig.class, name = "vq"),
    @JsonSubTypes.Type(value = ResidualConfig.class, name = "rvq"),
    @JsonSubTypes.Type(value = FsqConfig.class, name = "fsq"),
})
public sealed interface QuantizerConfig permits VqConfig, ResidualConfig, FsqConfig {

    /** Width of the vectors the quantizer takes and returns. */
    int codeDim();

    /** Number of distinct ids per level. */
    int codebookSize();

    /** Ids per input vector: 1, or the number of levels of a residual stack. */
    int depth();

    /** A new, uninitialised quantizer block. */
    Quantizer create();

    /** One line for tables, e.g. "RVQ 4x256". */
    String describe();
}
