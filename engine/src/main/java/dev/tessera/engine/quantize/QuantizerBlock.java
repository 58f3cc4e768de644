package dev.tessera.engine.quantize;

import ai.djl.ndarray.NDList;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Base of the quantizer blocks: DJL's {@code forward} is {@link #quantize} with the result
 * fields as an NDList, so every variant is also an ordinary block.
 */
public abstract class QuantizerBlock extends AbstractBlock implements Quantizer {

    @Override
    protected final NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                           PairList<String, Object> params) {
        return quantize(ps, inputs.singletonOrThrow(), training).toList();
    }
}
