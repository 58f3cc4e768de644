/**
 * Image corpora turned into token shards: every file of a folder (or every image-bytes row of a
 * table) read safely, tokenized in batches and kept as one {@link dev.tessera.engine.corpus.TokenizedImage}
 * row, a broken file as an error row rather than a failed run. {@link dev.tessera.engine.corpus.CorpusTokenizer}
 * is the one code path: the single-JVM run here and each Spark task of the {@code spark/} module call
 * it, so both give the same ids. {@link dev.tessera.engine.corpus.CorpusJob} starts the Spark job in
 * a child JVM (Spark's own Jackson, slf4j and log4j stay out of the calling JVM) and follows its progress.
 */
package dev.tessera.engine.corpus;
