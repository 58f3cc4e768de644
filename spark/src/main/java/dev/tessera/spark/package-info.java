/**
 * Tessera on Apache Spark: image corpora tokenized into Parquet token shards
 * ({@link dev.tessera.spark.TokenizeJob}, {@code ./tessera spark tokenize}), scene tables with
 * exact labels generated in parallel ({@link dev.tessera.spark.SceneTable}), and the unified
 * model trained from shards on disk ({@link dev.tessera.spark.ShardTraining}). Each Spark task
 * calls the engine's {@link dev.tessera.engine.corpus.CorpusTokenizer}, the code path of the
 * single-JVM run, so both give the same ids. This module runs in its own JVM: Spark brings its
 * own Jackson, slf4j 2 and log4j, which must not meet the notebook kernel's.
 */
package dev.tessera.spark;
