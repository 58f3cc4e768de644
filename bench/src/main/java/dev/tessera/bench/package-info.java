/**
 * JMH benchmarks of the engine, and the writer of their results table.
 *
 * <p>Run them with {@code ./tools/bench} (see {@link dev.tessera.bench.Bench}). Speed is
 * quoted as a ratio against a reference measured in the same run (plain matmul for the
 * nearest-code search), never from timed unit tests. {@link dev.tessera.bench.UnifiedComparison}
 * ({@code ./tools/bench-unified}) quotes the unified transformer against a PyTorch reference of the
 * same model run in the same benchmark ({@code bench/reference/unified_reference.py}).
 */
package dev.tessera.bench;
