package dev.tessera.engine.cluster;

import java.util.Arrays;

/**
 * The clusters of one image's patches: which cluster each patch joined, and each cluster's
 * centre patch. Clusters are numbered in reading order of their centres (SeTok orders its
 * tokens by centre position), so cluster 0 has the top-left-most centre.
 *
 * @param assignment for each patch, the index of its cluster
 * @param centres    for each cluster, the index of its centre patch, ascending
 */
public record Clustering(int[] assignment, int[] centres) {

    public Clustering {
        for (int a : assignment) {
            if (a < 0 || a >= centres.length) {
                throw new IllegalArgumentException("patch assigned to cluster " + a + " of " + centres.length);
            }
        }
    }

    /** Number of clusters (= tokens). */
    public int count() {
        return centres.length;
    }

    /** How many patches each cluster holds. */
    public int[] sizes() {
        int[] s = new int[centres.length];
        for (int a : assignment) {
            s[a]++;
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Clustering c && Arrays.equals(assignment, c.assignment) && Arrays.equals(centres, c.centres);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(assignment) + Arrays.hashCode(centres);
    }

    @Override
    public String toString() {
        return "Clustering[" + centres.length + " clusters, centres " + Arrays.toString(centres) + "]";
    }
}
