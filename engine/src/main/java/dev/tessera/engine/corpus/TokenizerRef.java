package dev.tessera.engine.corpus;

import dev.tessera.engine.io.CheckpointFolder;
import dev.tessera.engine.io.CheckpointHashes;
import dev.tessera.engine.io.FileHash;
import dev.tessera.engine.io.Json;
import dev.tessera.engine.tokenize.TokenizerConfig;
import dev.tessera.engine.tokenize.GridTokenizer;
import dev.tessera.engine.tokenize.TokenizerCheckpoint;
import dev.tessera.engine.tokenize.TrainableTokenizer;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which tokenizer a corpus run uses, in a form that travels to other JVMs (a Spark executor loads
 * it again from this): a shipped checkpoint by name, or a checkpoint folder every worker can read.
 *
 * @param text a shipped name such as {@code photo-64}, or the path of a checkpoint folder
 */
public record TokenizerRef(String text) implements Serializable {

    public TokenizerRef {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("name a tokenizer: a shipped one (" + String.join(", ", TokenizerCheckpoint.available())
                    + ") or a checkpoint folder");
        }
        text = text.strip();
    }

    /** True for a shipped name, false for a folder. */
    public boolean shipped() {
        return TokenizerCheckpoint.SHIPPED.contains(text);
    }

    /** The tokenizer's weights, loaded; corpus runs write grids, so it must be a grid tokenizer. */
    public GridTokenizer load() {
        TrainableTokenizer<?> t = shipped() ? TokenizerCheckpoint.pretrained(text) : TokenizerCheckpoint.load(folder());
        if (!(t instanceof GridTokenizer g)) {
            String name = t.name();
            t.close();
            throw new IllegalArgumentException(NOT_A_GRID.formatted(name));
        }
        return g;
    }

    /**
     * The grid tokenizer's config, read from its {@code config.json} without loading weights or
     * starting libtorch (a Spark driver needs the codebook size and image side, nothing more).
     */
    public TokenizerConfig config() {
        String where = shipped() ? "shipped:" + text : text;
        try (InputStream in = shipped()
                ? TokenizerRef.class.getResourceAsStream(CheckpointFolder.RESOURCE_ROOT + text + "/" + CheckpointFolder.CONFIG)
                : Files.newInputStream(folder().resolve(CheckpointFolder.CONFIG))) {
            if (in == null) {
                throw new IllegalArgumentException("shipped tokenizer " + text + " is missing from this build; shipped: "
                        + String.join(", ", TokenizerCheckpoint.available()));
            }
            TokenizerCheckpoint.Manifest m = Json.mapper().readValue(in, TokenizerCheckpoint.Manifest.class);
            if (!"grid".equals(m.kind())) {
                throw new IllegalArgumentException(NOT_A_GRID.formatted(m.name()));
            }
            return Json.mapper().treeToValue(m.config(), TokenizerConfig.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + where + "/" + CheckpointFolder.CONFIG + ": " + e.getMessage(), e);
        }
    }

    private static final String NOT_A_GRID = "tokenizer %s makes variable token sets, and token shards hold grids;"
            + " use a grid tokenizer (VQ, residual VQ or FSQ, e.g. photo-64 or vq-shapes64)";

    /** SHA-256 of the weights file: the shipped one as recorded in its provenance, or the folder's file. */
    public String checkpointHash() {
        if (shipped()) {
            var recorded = CheckpointHashes.recorded(TokenizerCheckpoint.provenance(text), "shipped:" + text);
            FileHash weights = recorded == null ? null : recorded.get(CheckpointFolder.WEIGHTS);
            if (weights == null) {
                throw new IllegalStateException("shipped tokenizer " + text + " records no hash of its weights");
            }
            return weights.sha256();
        }
        try {
            return FileHash.of(folder().resolve(CheckpointFolder.WEIGHTS)).sha256();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hash the weights in " + folder() + ": " + e.getMessage(), e);
        }
    }

    private Path folder() {
        Path folder = Path.of(text);
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("'" + text + "' is neither a shipped tokenizer (" + String.join(", ",
                    TokenizerCheckpoint.available()) + ") nor a checkpoint folder");
        }
        return folder;
    }

    @Override
    public String toString() {
        return text;
    }
}
