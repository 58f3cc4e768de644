package dev.tessera.engine.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * DPC-kNN clustering of one image's patch vectors, the token selector of SeTok
 * (arXiv 2406.05127), so the number of tokens follows the image's complexity:
 * <ol>
 *   <li>{@code d = cdist(x, x) / sqrt(C)};</li>
 *   <li>density {@code rho_i = exp(-mean over the k nearest (self included) of d^2)}, plus a
 *       tiny tie-breaker that grows with the patch index (deterministic, where SeTok uses noise);</li>
 *   <li>{@code delta_i} = distance to the nearest denser point (the largest distance for the densest);</li>
 *   <li>score {@code s = rho * delta}; centres are the points with {@code s > threshold}, or the
 *       top {@code minCentres} if none pass, at most {@code maxCentres};</li>
 *   <li>every patch joins its nearest centre; clusters are renumbered by centre position.</li>
 * </ol>
 * Runs on the host: with 64 patches per image this costs microseconds and keeps the
 * non-differentiable selection out of the autograd graph.
 */
public final class DensityPeakClustering {

    private final DensityPeakConfig config;

    public DensityPeakClustering(DensityPeakConfig config) {
        this.config = config;
    }

    public DensityPeakConfig config() {
        return config;
    }

    /** Clusters {@code n} points of width {@code c} given row-major in {@code x}. */
    public Clustering cluster(float[] x, int n, int c) {
        if (x.length != n * c || n < 1) {
            throw new IllegalArgumentException("expected " + n + " points of width " + c + ", got " + x.length + " values");
        }
        double[][] d = distances(x, n, c);
        double[] score = scores(d, n);
        int[] centres = selectCentres(score);
        Arrays.sort(centres);
        int[] assignment = new int[n];
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int j = 1; j < centres.length; j++) {
                if (d[i][centres[j]] < d[i][centres[best]]) {
                    best = j;
                }
            }
            assignment[i] = best;
        }
        for (int j = 0; j < centres.length; j++) {
            assignment[centres[j]] = j;
        }
        return new Clustering(assignment, centres);
    }

    /** The score {@code rho * delta} of every point (exposed for pictures and tests). */
    public double[] scores(float[] x, int n, int c) {
        return scores(distances(x, n, c), n);
    }

    private static double[][] distances(float[] x, int n, int c) {
        double scale = Math.sqrt(c);
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = 0;
                for (int k = 0; k < c; k++) {
                    double e = x[i * c + k] - x[j * c + k];
                    s += e * e;
                }
                d[i][j] = d[j][i] = Math.sqrt(s) / scale;
            }
        }
        return d;
    }

    private double[] scores(double[][] d, int n) {
        int k = Math.min(config.neighbours(), n);
        double[] rho = new double[n];
        for (int i = 0; i < n; i++) {
            double[] row = d[i].clone();
            Arrays.sort(row);
            double m = 0;
            for (int j = 0; j < k; j++) {
                m += row[j] * row[j];
            }
            rho[i] = Math.exp(-m / k) + 1e-9 * i / n;
        }
        double max = 0;
        for (double[] row : d) {
            for (double v : row) {
                max = Math.max(max, v);
            }
        }
        double[] score = new double[n];
        for (int i = 0; i < n; i++) {
            double delta = max;
            for (int j = 0; j < n; j++) {
                if (rho[j] > rho[i]) {
                    delta = Math.min(delta, d[i][j]);
                }
            }
            score[i] = rho[i] * delta;
        }
        return score;
    }

    private int[] selectCentres(double[] score) {
        Integer[] order = IntStream.range(0, score.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -score[i]));
        List<Integer> chosen = new ArrayList<>();
        for (int i : order) {
            if (score[i] > config.threshold() && chosen.size() < config.maxCentres()) {
                chosen.add(i);
            }
        }
        for (int r = 0; chosen.size() < Math.min(config.minCentres(), score.length); r++) {
            if (!chosen.contains(order[r])) {
                chosen.add(order[r]);
            }
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }
}
