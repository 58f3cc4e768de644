/**
 * Density-peak clustering of an image's patch vectors (DPC-kNN), the token selector of SeTok
 * (arXiv 2406.05127): an image becomes as many tokens as its patches form clusters, so a simple
 * scene gets few tokens and a busy one more, instead of a fixed grid.
 *
 * <p>{@link dev.tessera.engine.cluster.DensityPeakClustering} runs on the host in plain Java
 * (microseconds for the 64 patches of an image), which keeps the non-differentiable selection out of the
 * autograd graph and makes it deterministic (a fixed tie-breaker where SeTok adds noise).
 * {@link dev.tessera.engine.cluster.Clustering} is its result, numbered by centre position as
 * SeTok orders its tokens; {@link dev.tessera.engine.tokenize.ClusterTokenizer} is its user.
 */
package dev.tessera.engine.cluster;
