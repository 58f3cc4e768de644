package dev.tessera.engine.cluster;

/**
 * Settings of density-peak clustering with k nearest neighbours (DPC-kNN, as SeTok uses it,
 * arXiv 2406.05127; after Rodriguez and Laio 2014).
 *
 * @param neighbours k: how many nearest points (self included) define a point's density
 * @param threshold  a point is a centre when {@code density * distanceToDenser} exceeds this
 * @param minCentres when no point passes the threshold, the top-scoring this many become centres
 * @param maxCentres never more centres than this (the top-scoring ones are kept)
 */
public record DensityPeakConfig(int neighbours, double threshold, int minCentres, int maxCentres) {

    public DensityPeakConfig {
        if (neighbours < 1) {
            throw new IllegalArgumentException("neighbours must be >= 1, got " + neighbours);
        }
        if (threshold < 0) {
            throw new IllegalArgumentException("threshold must be >= 0, got " + threshold);
        }
        if (minCentres < 1 || maxCentres < minCentres) {
            throw new IllegalArgumentException("centre limits must satisfy 1 <= minCentres <= maxCentres, got "
                    + minCentres + ".." + maxCentres);
        }
    }

    /** The settings of the shipped SeTok-style tokenizer (16x16 patches, up to 16 tokens). */
    public static DensityPeakConfig standard() {
        return new DensityPeakConfig(5, 0.15, 1, 16);
    }
}
