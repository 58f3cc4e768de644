package dev.tessera.engine.lm;

/**
 * How the next id is chosen from the model's scores.
 *
 * @param temperature 0 = greedy (always the most likely id); otherwise logits are divided by it
 * @param topK        keep only the k most likely ids (0 = all)
 * @param topP        keep the smallest set of ids whose probability reaches p (1 = all)
 * @param cfgScale    classifier-free guidance for text-to-image: logits = u + s (c - u) from the
 *                    conditional (c) and unconditional (u) pass; 1 = no guidance
 * @param seed        seed of the sampling stream, so a sample can be reproduced (any value)
 */
public record SamplingConfig(double temperature, int topK, double topP, double cfgScale, long seed) {

    /** Highest temperature: beyond it every id is about equally likely, so samples are noise. */
    public static final double MAX_TEMPERATURE = 10;

    /** Largest top-k; a k above the vocabulary keeps every id, as 0 does. */
    public static final int MAX_TOP_K = 65_536;

    /** Strongest classifier-free guidance; far above the useful 1..6. */
    public static final double MAX_CFG = 20;

    public SamplingConfig {
        if (!(temperature >= 0) || temperature > MAX_TEMPERATURE) {
            throw new IllegalArgumentException("temperature (--temperature) must be in [0, " + (int) MAX_TEMPERATURE
                    + "] (0 = greedy), got " + temperature);
        }
        if (topK < 0 || topK > MAX_TOP_K) {
            throw new IllegalArgumentException("topK (--top-k) must be in 0.." + MAX_TOP_K + " (0 = off), got " + topK);
        }
        if (!(topP > 0) || topP > 1) {
            throw new IllegalArgumentException("topP (--top-p) must be in (0, 1] (1 = off), got " + topP);
        }
        if (!(cfgScale >= 0) || cfgScale > MAX_CFG) {
            throw new IllegalArgumentException("cfgScale (--cfg) must be in [0, " + (int) MAX_CFG + "] (1 = no guidance), got "
                    + cfgScale);
        }
    }

    /** Always the most likely id: captions and answers. */
    public static SamplingConfig greedy() {
        return new SamplingConfig(0, 0, 1, 1, 0);
    }

    /**
     * Temperature 0.8, top-k 32, guidance 2: text-to-image. Chosen by a small sweep of the judged
     * score (temperature 0.5-1, guidance 1-6) on an intermediate checkpoint with another seed than
     * the evaluation's; stronger guidance drew extra objects.
     */
    public static SamplingConfig images(long seed) {
        return new SamplingConfig(0.8, 32, 1.0, 2.0, seed);
    }

    public boolean greedyChoice() {
        return temperature == 0;
    }

    public SamplingConfig withTemperature(double t) {
        return new SamplingConfig(t, topK, topP, cfgScale, seed);
    }

    public SamplingConfig withCfg(double s) {
        return new SamplingConfig(temperature, topK, topP, s, seed);
    }

    public SamplingConfig withSeed(long s) {
        return new SamplingConfig(temperature, topK, topP, cfgScale, s);
    }
}
